import { computeAgendaTimeline } from '../agenda/agenda-timeline.js';
import type { FeedAgendaItem } from '../calendar-feeds/session-event.js';
import { resolveText } from '../common/i18n/localized-text.js';
import { dateTimeFormat } from '../common/time/intl-cache.js';
import { persianDate } from '../common/time/persian-date.js';
import { noticeWords, type NoticeLanguage } from './notice-words.js';

const INTL_LOCALE: Record<NoticeLanguage, string> = {
  // Persian readers get the Solar Hijri calendar and Persian digits.
  fa: 'fa-IR-u-ca-persian-nu-arabext',
  ru: 'ru-RU',
  en: 'en-GB',
};

/** The city a zone is named by, in the reader's language: "Tehran", "تهران", "Москва". */
export function cityName(zone: string, language: NoticeLanguage): string {
  return noticeWords(language).cities[zone] ?? zone.split('/').at(-1)!.replace(/_/g, ' ');
}

/**
 * "Tuesday 1 December 2026, 10:00–12:00 (Moscow)" in the reader's language and calendar,
 * the end date written too when the session ends on another local day.
 */
export function formatTimeRange(start: Date, end: Date, zone: string, language: NoticeLanguage): string {
  const locale = INTL_LOCALE[language];
  const day = dayFormat(locale, zone, language);
  const clock = clockFormat(locale, zone);
  const comma = language === 'fa' ? '، ' : ', ';
  const sameDay = day.format(start) === day.format(end);
  const endText = sameDay ? clock.format(end) : `${day.format(end)}${comma}${clock.format(end)}`;
  return `${day.format(start)}${comma}${clock.format(start)}–${endText} (${cityName(zone, language)})`;
}

/** "Tuesday, 1 December 2026, 10:15 (Moscow)": one instant in the reader's language and calendar. */
export function formatInstant(instant: Date, zone: string, language: NoticeLanguage): string {
  const locale = INTL_LOCALE[language];
  const comma = language === 'fa' ? '، ' : ', ';
  const day = dayFormat(locale, zone, language).format(instant);
  return `${day}${comma}${clockFormat(locale, zone).format(instant)} (${cityName(zone, language)})`;
}

/** "10:15" in the zone, 24-hour, in the locale's digits. */
function clockFormat(locale: string, zone: string): Intl.DateTimeFormat {
  return dateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** Persian dates read "weekday، day month year" (ICU orders a Solar Hijri weekday date oddly). */
function dayFormat(
  locale: string,
  zone: string,
  language: NoticeLanguage,
): { format(instant: Date): string } {
  if (language === 'fa') {
    const weekday = dateTimeFormat(locale, { timeZone: zone, weekday: 'long' });
    return { format: (instant) => `${weekday.format(instant)}، ${persianDate(instant, zone, 'fa')}` };
  }
  return dateTimeFormat(locale, {
    timeZone: zone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** The recipient's zone first, then each other zone once. */
export function readerZones(recipientZone: string, otherZones: string[]): string[] {
  return [...new Set([recipientZone, ...otherZones])];
}

/** "1. Opening (11:30–11:45 Tehran / 11:00–11:15 Moscow)", in the reader's digits and city names. */
export function agendaLines(
  session: { startsAt: Date; endsAt: Date },
  agenda: FeedAgendaItem[],
  zones: string[],
  language: NoticeLanguage,
): string[] {
  if (agenda.length === 0) return [];
  const byId = new Map(agenda.map((item) => [item.id, item]));
  const locale = language === 'fa' ? 'fa-IR-u-nu-arabext' : language;
  return computeAgendaTimeline(session.startsAt, session.endsAt, agenda).items.map((timed) => {
    const times = zones
      .map((zone) => {
        const clock = dateTimeFormat(locale, {
          timeZone: zone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
        return `${clock.format(timed.plannedStart)}–${clock.format(timed.plannedEnd)} ${cityName(zone, language)}`;
      })
      .join(' / ');
    const indent = timed.depth === 1 ? '   ' : '';
    return `${indent}${timed.number}. ${resolveText(byId.get(timed.id)!.title, language) ?? ''} (${times})`;
  });
}
