import { contentLine, escapeText, foldLine } from './ics-text.js';
import { eventLines, type IcsEvent, type LocalTimeFormatter } from './ics-event.js';
import { vTimezoneLines } from './vtimezone.js';
import { eventsExtent, spanCoveringExtent, type TimeSpan } from './vtimezone-span.js';
import {
  formatLocalFromHistory,
  cachedZoneOffsetHistory,
  type ZoneOffsetHistory,
} from './zone-offset-history.js';

/** A VEVENT and its lines live in ics-event.ts; callers may keep importing them from here. */
export { renderEventLines, type IcsEvent } from './ics-event.js';

export interface IcsCalendar {
  prodId: string;
  name: string;
  /** Written as X-WR-TIMEZONE, the zone clients show the calendar in by default. */
  timeZone: string;
  events: IcsEvent[];
  /** The span the feed covers; VTIMEZONEs are generated for it, widened to cover every event. */
  span: { from: Date; to: Date };
  /** PUBLISH for feeds and downloads; REQUEST or CANCEL for iTIP messages. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
}

const CRLF = '\r\n';

/** The calendar's own lines, without its events: what `assembleCalendar` wraps them in. */
export type IcsCalendarHead = Omit<IcsCalendar, 'events'>;

/**
 * Events rendered on their own, ready to be placed in a calendar: their text (folded lines, each
 * ending in CRLF), the zones they use, and the instants their VTIMEZONEs must cover. The text does
 * not depend on the calendar around it, so a feed renders an event once and reuses it.
 */
export interface RenderedEvents {
  text: string;
  zones: readonly string[];
  /** Earliest and latest instant (epoch ms) a VTIMEZONE must be correct for; NaN when there are no events. */
  fromMillis: number;
  toMillis: number;
}

/** A complete iCalendar object: folded lines, CRLF line ends, a final CRLF. */
export function renderCalendar(calendar: IcsCalendar): string {
  const events = renderEvents(calendar.events, calendar.span);
  const frame = calendarFrame(calendar, [events]);
  return frame.opening + events.text + frame.closing;
}

/** The events' VEVENTs; local times use the same zone scan as the VTIMEZONEs, so the two agree. */
export function renderEvents(events: readonly IcsEvent[], span: IcsCalendar['span']): RenderedEvents {
  const zones = [...new Set(events.map((event) => event.timeZone))];
  if (events.length === 0) return { text: '', zones, fromMillis: NaN, toMillis: NaN };
  const covered = eventsExtent(events);
  const histories = zoneHistories(zones, spanCoveringExtent(span, covered));
  const formatLocalTime: LocalTimeFormatter = (instant, zone) =>
    formatLocalFromHistory(histories.get(zone)!, instant);
  const lines = events.flatMap((event) => eventLines(event, formatLocalTime));
  return { text: lines.join(CRLF) + CRLF, zones, ...covered };
}

/**
 * What goes around events rendered on their own: the head and the VTIMEZONEs of the zones they
 * use (`opening`), and the END line (`closing`). `opening`, the events' texts in order and
 * `closing` make the same bytes `renderCalendar` writes for those events.
 */
export function calendarFrame(
  head: IcsCalendarHead,
  parts: ReadonlyArray<Omit<RenderedEvents, 'text'>>,
): { opening: string; closing: string } {
  const zones = new Set<string>();
  const extent = { fromMillis: Infinity, toMillis: -Infinity };
  for (const part of parts) {
    for (const zone of part.zones) zones.add(zone);
    if (part.fromMillis < extent.fromMillis) extent.fromMillis = part.fromMillis;
    if (part.toMillis > extent.toMillis) extent.toMillis = part.toMillis;
  }
  let opening = headLines(head).join(CRLF) + CRLF;
  if (zones.size > 0) {
    for (const history of zoneHistories([...zones], spanCoveringExtent(head.span, extent)).values()) {
      opening += vTimezoneText(history);
    }
  }
  return { opening, closing: 'END:VCALENDAR' + CRLF };
}

function headLines(calendar: IcsCalendarHead): string[] {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    contentLine('PRODID', {}, escapeText(calendar.prodId)),
    'CALSCALE:GREGORIAN',
    'METHOD:' + (calendar.method ?? 'PUBLISH'),
    contentLine('NAME', {}, escapeText(calendar.name)),
    contentLine('X-WR-CALNAME', {}, escapeText(calendar.name)),
    contentLine('X-WR-TIMEZONE', {}, escapeText(calendar.timeZone)),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
  ];
}

/** Histories are shared (cachedZoneOffsetHistory), so each one's VTIMEZONE text is built once. */
const vTimezoneTexts = new WeakMap<ZoneOffsetHistory, string>();

function vTimezoneText(history: ZoneOffsetHistory): string {
  let text = vTimezoneTexts.get(history);
  if (text === undefined) {
    text = vTimezoneLines(history).map(foldLine).join(CRLF) + CRLF;
    vTimezoneTexts.set(history, text);
  }
  return text;
}

/** One history per zone, sorted by name so the output does not depend on event order. */
function zoneHistories(zones: readonly string[], span: TimeSpan): Map<string, ZoneOffsetHistory> {
  const histories = new Map<string, ZoneOffsetHistory>();
  for (const zone of [...zones].sort()) {
    histories.set(zone, cachedZoneOffsetHistory(zone, span.from, span.to));
  }
  return histories;
}
