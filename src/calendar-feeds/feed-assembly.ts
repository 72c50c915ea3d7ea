import { createHash } from 'node:crypto';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import type { FeedRowKey, FeedSession } from './feeds.repository.js';
import {
  calendarFrame,
  renderCalendar,
  renderEvents,
  type IcsCalendarHead,
  type IcsEvent,
  type RenderedEvents,
} from './ics/ics-writer.js';
import type { ByteBudgetLru } from '../common/cache/byte-budget-lru.js';
import { occurrenceToEvent, seriesToEvents } from './series-events.js';
import { sessionToEvent, type EventContext } from './session-event.js';

/** Every calendar Quorum writes names itself so. */
export const QUORUM_PRODID = '-//Quorum//Joint committee scheduler//EN';

/** Sessions loaded (with their agendas) in one statement at most, when many pieces are missing. */
const LOAD_BATCH_SESSIONS = 500;

/** The VEVENTs of one single session or one whole series, rendered, with what its frame needs. */
export interface CachedEvents extends Omit<RenderedEvents, 'text'> {
  bytes: Buffer;
}

export type EventCache = ByteBudgetLru<CachedEvents>;

/** A single session, or a series with the occurrences the feed shows: rendered as one piece. */
interface FeedUnit {
  key: string;
  ids: string[];
  seriesId: string | null;
}

export interface FeedAssembly {
  head: IcsCalendarHead;
  rows: readonly FeedRowKey[];
  /** Locale and zones; working group names come with the sessions. */
  context: Omit<EventContext, 'workingGroupNames'>;
  cache: EventCache;
  /** Loads, in one go, the sessions whose events are not in the cache. */
  load: (ids: string[]) => Promise<FeedSession[]>;
}

/**
 * The feed's calendar from its pieces: single sessions in feed order, then one piece per series.
 * A piece is keyed by its sessions' fingerprints and the locale and zones it is written in, so a
 * render after one change renders one piece again and copies the others.
 */
export async function assembleFeed(assembly: FeedAssembly): Promise<Buffer> {
  const units = feedUnits(assembly.rows, `${assembly.context.locale}|${assembly.context.zones.join(',')}`);
  const pieces = units.map((unit) => assembly.cache.get(unit.key));
  const missing = units.flatMap((_, index) => (pieces[index] === undefined ? [index] : []));
  // Loaded and rendered a batch at a time, so a first render of a large feed never holds every
  // session's rows and entities at once (they are garbage as soon as their pieces are written).
  for (const batch of loadBatches(missing, units)) {
    const loaded = await assembly.load(batch.flatMap((index) => units[index].ids));
    const sessions = new Map(loaded.map((session) => [session.id, session]));
    for (const index of batch) {
      const unit = units[index];
      const found = unit.ids.flatMap((id) => sessions.get(id) ?? []);
      const piece = renderUnit(unit, found, assembly.context, assembly.head.span);
      // A session gone since its fingerprint was read: shown as found, never kept under the old key.
      if (found.length === unit.ids.length) assembly.cache.set(unit.key, piece, piece.bytes.length);
      pieces[index] = piece;
    }
  }
  const rendered = pieces as CachedEvents[];
  const frame = calendarFrame(assembly.head, rendered);
  return Buffer.concat([
    Buffer.from(frame.opening, 'utf8'),
    ...rendered.map((piece) => piece.bytes),
    Buffer.from(frame.closing, 'utf8'),
  ]);
}

/**
 * The missing pieces in batches of about LOAD_BATCH_SESSIONS sessions (a series stays whole):
 * one load for any feed after a change, a few for the first render of a feed of thousands.
 */
function loadBatches(missing: number[], units: FeedUnit[]): number[][] {
  const batches: number[][] = [];
  let batch: number[] = [];
  let sessions = 0;
  for (const index of missing) {
    if (batch.length > 0 && sessions + units[index].ids.length > LOAD_BATCH_SESSIONS) {
      batches.push(batch);
      batch = [];
      sessions = 0;
    }
    batch.push(index);
    sessions += units[index].ids.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function feedUnits(rows: readonly FeedRowKey[], contextKey: string): FeedUnit[] {
  const singles: FeedUnit[] = [];
  const series = new Map<string, { rows: FeedRowKey[] }>();
  for (const row of rows) {
    if (row.seriesId === null) {
      singles.push({ key: `${contextKey}|${row.id}|${row.fingerprint}`, ids: [row.id], seriesId: null });
      continue;
    }
    const group = series.get(row.seriesId) ?? { rows: [] };
    group.rows.push(row);
    series.set(row.seriesId, group);
  }
  const seriesUnits = [...series].map(([seriesId, group]): FeedUnit => {
    const digest = createHash('sha256').update(
      `${contextKey}|${seriesId}|${group.rows[0].seriesFingerprint}`,
    );
    for (const row of group.rows) digest.update(`|${row.id}:${row.fingerprint}`);
    return { key: `series|${digest.digest('base64url')}`, ids: group.rows.map((row) => row.id), seriesId };
  });
  return [...singles, ...seriesUnits];
}

function renderUnit(
  unit: FeedUnit,
  sessions: FeedSession[],
  base: FeedAssembly['context'],
  span: IcsCalendarHead['span'],
): CachedEvents {
  const context: EventContext = { ...base, workingGroupNames: groupNames(sessions) };
  const series = unit.seriesId === null ? null : (sessions[0]?.feedSeries ?? null);
  const occurrences = sessions.map((session) => ({ session, agenda: session.feedAgenda }));
  const events: IcsEvent[] = series
    ? seriesToEvents(series, occurrences, context)
    : occurrences.map(({ session, agenda }) => sessionToEvent(session, agenda, context));
  const { text, ...frame } = renderEvents(events, span);
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
  bytes.write(text, 'utf8');
  return { ...frame, bytes };
}

function groupNames(sessions: FeedSession[]): Map<string, LocalizedText> {
  const names = new Map<string, LocalizedText>();
  for (const session of sessions) {
    if (session.workingGroupId && session.workingGroup)
      names.set(session.workingGroupId, session.workingGroup.name);
    const series = session.feedSeries;
    if (series?.workingGroupId && series.workingGroup)
      names.set(series.workingGroupId, series.workingGroup.name);
  }
  return names;
}

/**
 * One session on its own (a download): the VEVENT it has in every feed, with the same UID, and for
 * an occurrence the RECURRENCE-ID and SEQUENCE it has in its series.
 */
export function sessionDownload(
  session: FeedSession,
  context: Omit<EventContext, 'workingGroupNames'>,
): string {
  const named: EventContext = { ...context, workingGroupNames: groupNames([session]) };
  const series = session.feedSeries;
  const event = series
    ? occurrenceToEvent(series, session, session.feedAgenda, named)
    : sessionToEvent(session, session.feedAgenda, named);
  // The time zone block covers the original start an occurrence's RECURRENCE-ID names too.
  const original = event.recurrenceId ?? session.startsAt;
  return renderCalendar({
    prodId: QUORUM_PRODID,
    name: 'Quorum',
    timeZone: session.timeZone,
    span: {
      from: new Date(Math.min(session.startsAt.getTime(), original.getTime())),
      to: new Date(Math.max(session.endsAt.getTime(), original.getTime())),
    },
    events: [event],
  });
}
