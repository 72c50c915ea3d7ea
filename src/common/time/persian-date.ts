import { dateTimeFormat } from './intl-cache.js';

/** A local date in the Persian (Solar Hijri) calendar; `monthName` in the language asked for. */
export type PersianDateParts = { year: number; month: number; day: number; monthName: string };

/** The local date of `instant` in `zone`, in the Persian calendar. */
export function persianDateParts(instant: Date, zone: string, lang: string): PersianDateParts {
  const locale = supportedLocale(lang);
  const numeric = partsOf(
    dateTimeFormat(`${locale}-u-ca-persian-nu-latn`, {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }),
    instant,
  );
  const named = partsOf(dateTimeFormat(`${locale}-u-ca-persian`, { timeZone: zone, month: 'long' }), instant);
  return {
    year: Number(numeric.year),
    month: Number(numeric.month),
    day: Number(numeric.day),
    monthName: named.month,
  };
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

const supportedLocales = new Map<string, string>();

function supportedLocale(lang: string): string {
  let supported = supportedLocales.get(lang);
  if (supported === undefined) {
    supported = canonicalLocale(lang);
    if (supportedLocales.size < 1_000) supportedLocales.set(lang, supported);
  }
  return supported;
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
