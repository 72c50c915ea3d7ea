import { dateTimeFormat } from '../common/time/intl-cache.js';

/** How a feed names a zone and writes a clock time, in the feed's language (en, fa, ru). */

/** The parties' cities, named as their readers write them; other zones fall back to Intl. */
const CITY_NAMES: Record<string, Record<string, string>> = {
  'Asia/Tehran': { en: 'Tehran', fa: 'تهران', ru: 'Тегеран' },
  'Europe/Moscow': { en: 'Moscow', fa: 'مسکو', ru: 'Москва' },
};

function language(locale: string): string {
  return locale.split('-')[0].toLowerCase();
}

/**
 * Labels per zone and language: building an Intl formatter costs far more than
 * using one, and a feed writes the same few zones thousands of times. Zones come from stored,
 * validated rows, so these stay small; the cap only guards against the unexpected.
 */
const MAX_MEMOIZED = 2_000;
const labels = new Map<string, string>();

function memoized<T>(memo: Map<string, T>, key: string, make: () => T): T {
  let value = memo.get(key);
  if (value === undefined) {
    value = make();
    if (memo.size >= MAX_MEMOIZED) memo.clear();
    memo.set(key, value);
  }
  return value;
}

/** `Tehran`, `تهران`, `Тегеран`; a zone without a catalogued name: its city (en) or Intl's name for it. */
export function zoneLabel(zone: string, locale: string): string {
  const lang = language(locale);
  return memoized(labels, `${lang}|${zone}`, () => labelOf(zone, lang));
}

function labelOf(zone: string, lang: string): string {
  const catalogued = CITY_NAMES[zone]?.[lang];
  if (catalogued) return catalogued;
  const city = zone.split('/').at(-1)!.replace(/_/g, ' ');
  if (lang === 'en') return city;
  try {
    const parts = new Intl.DateTimeFormat(lang, {
      timeZone: zone,
      timeZoneName: 'shortGeneric',
    }).formatToParts(0);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? city;
  } catch {
    return city;
  }
}

/** `09:30` in the zone, with the language's own digits (`۰۹:۳۰` in Persian). */
export function clockText(instant: Date, zone: string, locale: string): string {
  return dateTimeFormat(language(locale), {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Agenda numbers such as `2.1` with Persian digits for Persian readers. */
export function localDigits(text: string, locale: string): string {
  return language(locale) === 'fa' ? text.replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)]) : text;
}

/**
 * The zones to show, the reader's own first: its party's zone when the reader is a participant,
 * else the zones of parties that read the feed's language; then the rest in their stored order.
 */
export function readerZonesFirst(
  parties: ReadonlyArray<{ timeZone: string; locale: string; partyId: string }>,
  locale: string,
  readerPartyId: string | null,
): string[] {
  const rank = (party: { locale: string; partyId: string }): number =>
    readerPartyId !== null
      ? party.partyId === readerPartyId
        ? 0
        : 1
      : language(party.locale) === language(locale)
        ? 0
        : 1;
  const ordered = parties
    .map((party, index) => ({ party, index }))
    .sort((left, right) => rank(left.party) - rank(right.party) || left.index - right.index);
  return [...new Set(ordered.map(({ party }) => party.timeZone))];
}
