import { isDeepStrictEqual } from 'node:util';
import { planSeries } from '../series/series-plan.js';
import type { Occurrence } from '../series/recurrence/expand.js';
import type { Series } from '../series/series.entity.js';
import type { Session } from '../sessions/session.entity.js';
import { resolveWallTime } from '../common/time/wall-clock.js';
import { needsOverride } from './ics/dst-corners.js';
import type { IcsEvent } from './ics/ics-writer.js';
import { sessionPageUrl, sessionToEvent, type EventContext, type FeedAgendaItem } from './session-event.js';
import { MINUTE_MS } from '../common/time/durations.js';

export interface FeedOccurrence {
  session: Session;
  agenda: FeedAgendaItem[];
}

/**
 * A series as calendar apps expect it: one VEVENT with the RRULE, EXDATE for every instance
 * the feed does not show (cancelled, removed, left out, or not visible to the reader), RDATE
 * for occurrences outside the rule, and one VEVENT with RECURRENCE-ID for each occurrence
 * that differs from the rule. Expanded by a client, it gives exactly the occurrences shown.
 */
export function seriesToEvents(
  series: Series,
  occurrences: FeedOccurrence[],
  context: EventContext,
): IcsEvent[] {
  const plan = rulePlan(series);
  if ('problems' in plan)
    return occurrences.map(({ session, agenda }) => sessionToEvent(session, agenda, context));
  const instances: RuleInstances = new Map(
    plan.ruleOccurrences.map((instance, index) => [
      instance.recurrenceId,
      { ...instance, first: index === 0 },
    ]),
  );
  const live = occurrences.filter(({ session }) => session.status !== 'cancelled' && session.recurrenceId);
  return [
    masterEvent(series, plan.ruleOccurrences, occurrences, live, instances, context),
    ...overrideEvents(series, live, instances, context),
  ];
}

/** The rule's instances by their wall-clock recurrence id; `first` marks DTSTART's. */
type RuleInstances = Map<string, Occurrence & { first: boolean }>;

/** The VEVENT with the RRULE: the rule's instances, less EXDATEs and plus RDATEs for what the feed shows. */
function masterEvent(
  series: Series,
  ruleOccurrences: Occurrence[],
  occurrences: FeedOccurrence[],
  live: FeedOccurrence[],
  instances: RuleInstances,
  context: EventContext,
): IcsEvent {
  const liveIds = new Set(live.map(({ session }) => session.recurrenceId!));
  const first = ruleOccurrences[0];
  const master = sessionToEvent(masterSession(series, first.startsAt, first.endsAt), [], context);
  // The series has no page of its own: its URL is the page of the first occurrence still to be held.
  const firstScheduled = occurrences
    .map(({ session }) => session)
    .filter((session) => session.status === 'scheduled')
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  // Any change to an occurrence changes the master's EXDATEs or overrides too.
  const lastModified = new Date(
    Math.max(series.updatedAt.getTime(), ...occurrences.map(({ session }) => session.updatedAt.getTime())),
  );
  return {
    ...master,
    url: firstScheduled ? sessionPageUrl(context.publicBaseUrl, firstScheduled.id) : undefined,
    dtstamp: lastModified,
    lastModified,
    sequence: series.sequence,
    rrule: series.rule,
    ruleInstances: ruleOccurrences.map(({ recurrenceId, startsAt }) => ({
      wallTime: recurrenceId,
      startsAt,
    })),
    exdates: ruleOccurrences
      .filter((instance) => !liveIds.has(instance.recurrenceId))
      .map((instance) => instance.startsAt),
    rdates: live
      .filter(({ session }) => !instances.has(session.recurrenceId!))
      .map(({ session }) => originalStart(series, session)),
  };
}

/** A VEVENT with RECURRENCE-ID for each shown occurrence that the RRULE alone would not give right. */
function overrideEvents(
  series: Series,
  live: FeedOccurrence[],
  instances: RuleInstances,
  context: EventContext,
): IcsEvent[] {
  const events: IcsEvent[] = [];
  for (const { session, agenda } of live) {
    const instance = instances.get(session.recurrenceId!);
    const expectedStart = instance?.startsAt ?? originalStart(series, session);
    // Some instances cannot be left to the RRULE even unchanged: readers would misplace them.
    const misread =
      instance !== undefined &&
      needsOverride(
        series.timeZone,
        { wallTime: instance.recurrenceId, startsAt: instance.startsAt },
        instance.first,
        instance.endsAt,
      );
    if (!misread && !differs(series, session, agenda, expectedStart)) continue;
    events.push({
      ...sessionToEvent(session, agenda, context),
      uid: series.id,
      sequence: Math.max(series.sequence, session.sequence),
      recurrenceId: expectedStart,
      recurrenceInstance: instance ? { wallTime: instance.recurrenceId, first: instance.first } : undefined,
    });
  }
  return events;
}

/**
 * One occurrence on its own (a download or an e-mail): the same UID, RECURRENCE-ID and
 * SEQUENCE it has in the feeds, so a calendar that holds the series updates that instance.
 */
export function occurrenceToEvent(
  series: Series,
  session: Session,
  agenda: FeedAgendaItem[],
  context: EventContext,
): IcsEvent {
  const plan = rulePlan(series);
  const index =
    'problems' in plan
      ? -1
      : plan.ruleOccurrences.findIndex((candidate) => candidate.recurrenceId === session.recurrenceId);
  const instance = 'problems' in plan || index < 0 ? undefined : plan.ruleOccurrences[index];
  return {
    ...sessionToEvent(session, agenda, context),
    uid: series.id,
    sequence: Math.max(series.sequence, session.sequence),
    recurrenceId: instance?.startsAt ?? originalStart(series, session),
    recurrenceInstance: instance ? { wallTime: instance.recurrenceId, first: index === 0 } : undefined,
  };
}

/** The dates the rule itself gives (non-working days are EXDATEs in a feed, not left out of the rule). */
function rulePlan(series: Series) {
  return planSeries(
    {
      rrule: series.rule,
      timeZone: series.timeZone,
      startDate: series.startDate,
      startTime: series.startTime,
      durationMinutes: series.durationMinutes,
      skipNonWorkingDays: false,
    },
    [],
  );
}

function differs(series: Series, session: Session, agenda: FeedAgendaItem[], expectedStart: Date): boolean {
  const expectedEnd = expectedStart.getTime() + series.durationMinutes * MINUTE_MS;
  return (
    session.startsAt.getTime() !== expectedStart.getTime() ||
    session.endsAt.getTime() !== expectedEnd ||
    agenda.length > 0 ||
    session.kind !== series.kind ||
    session.format !== series.format ||
    !isDeepStrictEqual(session.title, series.title) ||
    !isDeepStrictEqual(session.description, series.description) ||
    !isDeepStrictEqual(session.location, series.location) ||
    !isDeepStrictEqual(session.onlineMeeting, series.onlineMeeting)
  );
}

/** The series' own fields dressed as a session, for the master VEVENT. */
function masterSession(series: Series, startsAt: Date, endsAt: Date): Session {
  return {
    id: series.id,
    committeeId: series.committeeId,
    workingGroupId: series.workingGroupId,
    seriesId: null,
    recurrenceId: null,
    detached: false,
    title: series.title,
    description: series.description,
    kind: series.kind,
    format: series.format,
    status: 'scheduled',
    timeZone: series.timeZone,
    startsAt,
    endsAt,
    location: series.location,
    onlineMeeting: series.onlineMeeting,
    capacity: series.capacity,
    sequence: series.sequence,
    version: 1,
    cancellationReason: null,
    createdAt: series.createdAt,
    updatedAt: series.updatedAt,
  };
}

/** The instant an occurrence's recurrence id names: its original local start in the series' zone. */
function originalStart(series: Series, session: Session): Date {
  const [year, month, day, hour, minute] = session.recurrenceId!.split(/[-T:]/).map(Number);
  return resolveWallTime(series.timeZone, { year, month, day, hour, minute }).instant;
}
