import ICAL from 'ical.js';
import nodeIcal from 'node-ical';

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  status: string;
  sequence: number;
  start: string;
  end: string;
  lastModified: string;
  startTzid: string | null;
  recurrenceId: string | null;
}

/** Reads an iCalendar text with ical.js (Thunderbird's parser), VTIMEZONEs from the file itself. */
export function parseCalendar(text: string): { calendar: ICAL.Component; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstProperty('dtstart');
    const recurrenceId = vevent.getFirstPropertyValue('recurrence-id') as ICAL.Time | null;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      status: String(vevent.getFirstPropertyValue('status')),
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      lastModified: (vevent.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      startTzid: (start?.getParameter('tzid') as string | undefined) ?? null,
      recurrenceId: recurrenceId ? recurrenceId.toJSDate().toISOString() : null,
    };
  });
  return { calendar, events };
}

/** `2026-12-01T07:00:00Z` (the API) as `2026-12-01T07:00:00.000Z` (a JS Date). */
export function jsIso(apiInstant: string): string {
  return new Date(apiInstant).toISOString();
}

export interface ExpandedInstance {
  uid: string;
  start: string;
  end: string;
  summary: string;
}

/**
 * Every instance a calendar app would show: single events as they are, series expanded
 * from their RRULE, RDATE and EXDATE, with RECURRENCE-ID overrides applied (ical.js).
 */
export function expandCalendar(text: string, limit = 2000): ExpandedInstance[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  const instances: ExpandedInstance[] = [];
  const overrides = vevents.filter((vevent) => vevent.hasProperty('recurrence-id'));
  for (const vevent of vevents.filter((candidate) => !candidate.hasProperty('recurrence-id'))) {
    const event = new ICAL.Event(vevent);
    if (!event.isRecurring()) {
      instances.push({
        uid: event.uid,
        start: iso(event.startDate),
        end: iso(event.endDate),
        summary: event.summary,
      });
      continue;
    }
    for (const override of overrides.filter(
      (candidate) => candidate.getFirstPropertyValue('uid') === event.uid,
    )) {
      event.relateException(new ICAL.Event(override));
    }
    const iterator = event.iterator();
    for (let next = iterator.next(), count = 0; next && count < limit; next = iterator.next(), count++) {
      const details = event.getOccurrenceDetails(next);
      instances.push({
        uid: event.uid,
        start: iso(details.startDate),
        end: iso(details.endDate),
        summary: details.item.summary,
      });
    }
  }
  return instances.sort((a, b) => a.start.localeCompare(b.start));
}

function iso(time: ICAL.Time): string {
  return time.toJSDate().toISOString();
}

/** Every instance node-ical gives (its own tz data, RRULE expanded, EXDATE and overrides applied). */
export function expandWithNodeIcal(text: string, from: Date, to: Date): ExpandedInstance[] {
  const parsed = nodeIcal.sync.parseICS(text);
  const instances: ExpandedInstance[] = [];
  for (const component of Object.values(parsed)) {
    if (component?.type !== 'VEVENT' || component.recurrenceid) continue;
    for (const instance of nodeIcal.expandRecurringEvent(component, { from, to })) {
      instances.push({
        uid: component.uid,
        start: instance.start.toISOString(),
        end: instance.end.toISOString(),
        summary: typeof instance.summary === 'string' ? instance.summary : (instance.summary?.val ?? ''),
      });
    }
  }
  return instances.sort((a, b) => a.start.localeCompare(b.start));
}
