import { dateTimeFormat } from '../../common/time/intl-cache.js';
import { displayTimes, localIso, persianDate } from '../../common/time/zoned-time.js';
import type { Messages, PortalLanguage } from '../i18n/messages.js';

/** One zone's reading of a time span, ready for a template: every string already localized. */
export interface ZonedLabel {
  timeZone: string;
  city: string;
  /** The local date, in the reader's main calendar (Solar Hijri for Persian). */
  date: string;
  /** The same date in the other calendar (Gregorian for Persian readers, Solar Hijri for others). */
  otherCalendarDate: string;
  start: string;
  end: string;
  /** `2026-12-01T10:00:00+03:00`, for `<time datetime>`. */
  startIso: string;
  endIso: string;
  /** The local start date minus the zone of record's, in days. */
  dayOffset: number;
  isViewer: boolean;
}

/**
 * A span in each zone (each once, in order), plus the viewer's own zone when it is not
 * among them. Wall clocks come from the shared zoned-time code, never the server's zone.
 */
export function zonedLabels(
  span: { startsAt: Date; endsAt: Date; zoneOfRecord: string },
  zones: string[],
  viewerZone: string | undefined,
  lang: PortalLanguage,
  messages: Messages,
): ZonedLabel[] {
  const all = viewerZone && !zones.includes(viewerZone) ? [...zones, viewerZone] : zones;
  return displayTimes(span.startsAt, span.endsAt, span.zoneOfRecord, all).map((time) => ({
    timeZone: time.timeZone,
    city: cityName(time.timeZone, messages),
    // The local start's own date is its day in that zone: no second reading of the zone's offset.
    ...datesOf(span.startsAt, time.timeZone, time.start.slice(0, 10), lang),
    start: clock(time.start, lang),
    end: clock(time.end, lang),
    startIso: time.start,
    endIso: time.end,
    dayOffset: time.dayOffset,
    isViewer: time.timeZone === viewerZone,
  }));
}

/** The wall clock of a local ISO time (`…T10:30:00+03:30` → `10:30`), in the reader's digits. */
export function clock(local: string, lang: PortalLanguage): string {
  return localDigits(local.slice(11, 16), lang);
}

/** Latin digits in a text (`2.1`, `10:30`, `45`) written in the reader's digits (Persian for fa). */
export function localDigits(text: string, lang: PortalLanguage): string {
  if (LATIN_DIGITS[lang]) return text;
  const digits = DIGITS[lang];
  return text.replace(/[0-9]/g, (digit) => digits[Number(digit)]);
}

// Building an Intl formatter costs far more than using one, and a page needs hundreds of readings.
const DIGITS = Object.fromEntries(
  (['fa', 'ru', 'en'] as const).map((lang) => {
    const format = new Intl.NumberFormat(lang, { useGrouping: false });
    return [lang, Array.from({ length: 10 }, (_, digit) => format.format(digit))];
  }),
) as Record<PortalLanguage, string[]>;
/** Languages whose digits are the Latin ones: their texts need no rewriting. */
const LATIN_DIGITS = Object.fromEntries(
  Object.entries(DIGITS).map(([lang, digits]) => [lang, digits.join('') === '0123456789']),
) as Record<PortalLanguage, boolean>;

const datesByDay = new Map<string, { date: string; otherCalendarDate: string }>();
const MAX_REMEMBERED_DAYS = 5_000;

/** Both calendars' dates depend only on the local day, so each day is formatted once per zone and language. */
function datesOf(
  instant: Date,
  zone: string,
  day: string,
  lang: PortalLanguage,
): { date: string; otherCalendarDate: string } {
  const key = `${lang}|${zone}|${day}`;
  let dates = datesByDay.get(key);
  if (!dates) {
    dates = {
      date: localDate(instant, zone, lang),
      otherCalendarDate: otherCalendarDate(instant, zone, lang),
    };
    if (datesByDay.size >= MAX_REMEMBERED_DAYS) datesByDay.clear();
    datesByDay.set(key, dates);
  }
  return dates;
}

/** A planned time in one zone: `10:30` for a span's start as read in `zone`. */
export function clockIn(instant: Date, zone: string, lang: PortalLanguage): { text: string; iso: string } {
  const iso = localIso(instant, zone);
  return { text: clock(iso, lang), iso };
}

/** The city a zone is named after, in the reader's language where the catalogue knows it. */
export function cityName(zone: string, messages: Messages): string {
  const city = (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  return messages.cities[city] ?? city;
}

/** The local date with its weekday: Solar Hijri in Persian digits for Persian, Gregorian otherwise. */
export function localDate(instant: Date, zone: string, lang: PortalLanguage): string {
  if (lang === 'fa') return `${weekday(instant, zone, lang)} ${persianDate(instant, zone, 'fa')}`;
  return dateTimeFormat(lang, {
    timeZone: zone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

function otherCalendarDate(instant: Date, zone: string, lang: PortalLanguage): string {
  if (lang !== 'fa') return persianDate(instant, zone, lang);
  return dateTimeFormat('fa-u-ca-gregory', {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(instant);
}

function weekday(instant: Date, zone: string, lang: PortalLanguage): string {
  return dateTimeFormat(lang, { timeZone: zone, weekday: 'long' }).format(instant);
}

/** The local calendar day of an instant in a zone (`2026-12-01`), for grouping a list by day. */
export function localDay(instant: Date, zone: string): string {
  return localIso(instant, zone).slice(0, 10);
}
