import Holidays from 'date-holidays';

/** Work weeks that differ from Monday–Friday (ISO weekdays, 1 = Monday). */
const WORK_WEEKS: Record<string, number[]> = {
  IR: [6, 7, 1, 2, 3],
  AF: [6, 7, 1, 2, 3],
  SA: [7, 1, 2, 3, 4],
  KW: [7, 1, 2, 3, 4],
  QA: [7, 1, 2, 3, 4],
  OM: [7, 1, 2, 3, 4],
  BH: [7, 1, 2, 3, 4],
  EG: [7, 1, 2, 3, 4],
  JO: [7, 1, 2, 3, 4],
  IQ: [7, 1, 2, 3, 4],
  IL: [7, 1, 2, 3, 4],
};

/** The main official language, for a party created without a locale. */
const LANGUAGES: Record<string, string> = {
  IR: 'fa',
  AF: 'fa',
  TJ: 'tg',
  RU: 'ru',
  BY: 'ru',
  KZ: 'kk',
  CN: 'zh',
  IN: 'hi',
  TR: 'tr',
  AZ: 'az',
  AM: 'hy',
  DE: 'de',
  FR: 'fr',
  ES: 'es',
  IT: 'it',
  SA: 'ar',
  AE: 'ar',
  EG: 'ar',
  IQ: 'ar',
  JP: 'ja',
  GB: 'en',
  US: 'en',
  PK: 'ur',
  UZ: 'uz',
  TM: 'tk',
  KG: 'ky',
  GE: 'ka',
  BR: 'pt',
  VE: 'es',
};

export function defaultWorkWeek(countryCode: string): number[] {
  return WORK_WEEKS[countryCode] ?? [1, 2, 3, 4, 5];
}

export function defaultLocale(countryCode: string, committeeLocale: string): string {
  return LANGUAGES[countryCode] ?? committeeLocale;
}

let supportedCountries: Set<string> | undefined;

/** Countries whose public holidays the holiday library knows. */
export function isHolidayCountrySupported(countryCode: string): boolean {
  supportedCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return supportedCountries.has(countryCode);
}
