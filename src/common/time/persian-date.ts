/** A local date in the Persian (Solar Hijri) calendar; `monthName` in the language asked for. */
export type PersianDateParts = { year: number; month: number; day: number; monthName: string };

/** The local date of `instant` in `zone`, in the Persian calendar. */
export function persianDateParts(instant: Date, zone: string, lang: string): PersianDateParts {
  const { numeric, named } = formattersFor(supportedLocale(lang), zone);
  const numericParts = partsOf(numeric, instant);
  return {
    year: Number(numericParts.year),
    month: Number(numericParts.month),
    day: Number(numericParts.day),
    monthName: partsOf(named, instant).month,
  };
}

/**
 * Building an Intl formatter costs a hundred times more than using one, and a page of sessions
 * for a Persian reader asks for a date on every row; so formatters are kept per locale and zone.
 * Locales and zones come from validated input, so these stay small; the cap guards the unexpected.
 */
const MAX_MEMOIZED = 1_000;
const formatters = new Map<string, { numeric: Intl.DateTimeFormat; named: Intl.DateTimeFormat }>();
const locales = new Map<string, string>();

function formattersFor(locale: string, zone: string) {
  const key = `${locale}|${zone}`;
  let found = formatters.get(key);
  if (!found) {
    found = {
      numeric: new Intl.DateTimeFormat(`${locale}-u-ca-persian-nu-latn`, {
        timeZone: zone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      }),
      named: new Intl.DateTimeFormat(`${locale}-u-ca-persian`, { timeZone: zone, month: 'long' }),
    };
    if (formatters.size >= MAX_MEMOIZED) formatters.clear();
    formatters.set(key, found);
  }
  return found;
}

/**
 * The local date as "day month-name year": in Persian digits for Persian readers
 * ("۱ فروردین ۱۴۰۵"), otherwise in Latin digits with the month named in `lang`
 * ("1 Farvardin 1405", "1 фарвардин 1405"). Without an era suffix: the calendar is named by the caller.
 */
export function persianDate(instant: Date, zone: string, lang: string): string {
  const { year, day, monthName } = persianDateParts(instant, zone, lang);
  const text = `${day} ${monthName} ${year}`;
  return isPersian(lang) ? toPersianDigits(text) : text;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

function toPersianDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => PERSIAN_DIGITS[Number(digit)]);
}

function isPersian(lang: string): boolean {
  return supportedLocale(lang).toLowerCase().split('-')[0] === 'fa';
}

function supportedLocale(lang: string): string {
  let locale = locales.get(lang);
  if (locale === undefined) {
    locale = canonicalLocale(lang);
    if (locales.size >= MAX_MEMOIZED) locales.clear();
    locales.set(lang, locale);
  }
  return locale;
}

function canonicalLocale(lang: string): string {
  try {
    const [locale] = Intl.getCanonicalLocales(lang.replace(/_/g, '-'));
    return locale ? new Intl.Locale(locale).baseName : 'en';
  } catch {
    return 'en';
  }
}

function partsOf(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(instant).map(({ type, value }) => [type, value]));
}
