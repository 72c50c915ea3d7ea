/** Text in several languages, keyed by language tag: `{ en: '…', fa: '…', ru: '…' }`. */
export type LocalizedText = Record<string, string>;

/** Writes accept a plain string (stored under the committee's default locale) or an object. */
export function toLocalizedText(value: string | LocalizedText, defaultLocale: string): LocalizedText {
  return typeof value === 'string' ? { [defaultLocale]: value } : { ...value };
}

/** Fallback: the asked language, its base language (`fa-IR` → `fa`), then `en`, then any non-empty value. */
export function resolveText(text: LocalizedText | null | undefined, lang: string | undefined): string | null {
  if (!text) return null;
  const candidates = [lang, lang?.split('-')[0], 'en'].filter((tag): tag is string => Boolean(tag));
  for (const tag of candidates) {
    const value = text[tag];
    if (value) return value;
  }
  return Object.values(text).find((value) => value !== '') ?? null;
}
