export interface TimeSpan {
  from: Date;
  to: Date;
}

/** The times of an event that a reader converts through its VTIMEZONE. */
export interface ZonedEventTimes {
  start: Date;
  end: Date;
  rrule?: string;
  rdates?: Date[];
  exdates?: Date[];
  recurrenceId?: Date;
}

const DAY_MILLIS = 24 * 60 * 60 * 1000;
/** Series are limited to five years (DESIGN "Recurrence"); a rule without UNTIL is covered that far. */
const SERIES_HORIZON_MILLIS = 5 * 366 * DAY_MILLIS;
const UNTIL_PATTERN = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?(?:;|$)/i;

/**
 * The span the VTIMEZONEs of a calendar must be correct for: the requested span widened to every
 * event's start, end, exceptions and recurrences, then to whole UTC years so that a feed whose
 * requested span moves a little each day still renders byte-identical time zones.
 */
export function spanCoveringEvents(requested: TimeSpan, events: readonly ZonedEventTimes[]): TimeSpan {
  return spanCoveringExtent(requested, eventsExtent(events));
}

/** The earliest and latest instant (epoch ms) the events' times reach; NaN for no events. */
export function eventsExtent(events: readonly ZonedEventTimes[]): { fromMillis: number; toMillis: number } {
  let fromMillis = NaN;
  let toMillis = NaN;
  const include = (millis: number): void => {
    if (!(millis >= fromMillis)) fromMillis = millis;
    if (!(millis <= toMillis)) toMillis = millis;
  };
  for (const event of events) {
    const startMillis = validMillis(event.start);
    const endMillis = validMillis(event.end);
    include(startMillis);
    include(endMillis);
    if (event.recurrenceId) include(validMillis(event.recurrenceId));
    for (const exdate of event.exdates ?? []) include(validMillis(exdate));
    for (const rdate of event.rdates ?? []) include(validMillis(rdate));
    if (event.rrule) include(lastRecurrenceEndMillis(event.rrule, startMillis, endMillis));
  }
  return { fromMillis, toMillis };
}

/** The requested span widened to an extent (NaN ends are ignored), in whole UTC years. */
export function spanCoveringExtent(
  requested: TimeSpan,
  extent: { fromMillis: number; toMillis: number },
): TimeSpan {
  let fromMillis = validMillis(requested.from);
  let toMillis = validMillis(requested.to);
  if (extent.fromMillis < fromMillis) fromMillis = extent.fromMillis;
  if (extent.toMillis > toMillis) toMillis = extent.toMillis;
  return { from: startOfUtcYear(fromMillis, 0), to: startOfUtcYear(toMillis, 1) };
}

function lastRecurrenceEndMillis(rrule: string, startMillis: number, endMillis: number): number {
  const duration = Math.max(0, endMillis - startMillis);
  const until = UNTIL_PATTERN.exec(rrule);
  if (!until) {
    return startMillis + SERIES_HORIZON_MILLIS + duration;
  }
  const [year, month, day, hour = '0', minute = '0', second = '0'] = until.slice(1);
  const untilMillis = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  // A date-only or local UNTIL is read in the event's zone, at most a day away from UTC.
  return Number.isFinite(untilMillis)
    ? untilMillis + DAY_MILLIS + duration
    : startMillis + SERIES_HORIZON_MILLIS;
}

function startOfUtcYear(millis: number, yearsLater: number): Date {
  return new Date(Date.UTC(new Date(millis).getUTCFullYear() + yearsLater, 0, 1));
}

function validMillis(instant: Date): number {
  const millis = instant.getTime();
  if (!Number.isFinite(millis)) {
    throw new RangeError('Invalid date in calendar');
  }
  return millis;
}
