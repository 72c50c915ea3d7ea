/** Text in several languages, keyed by language tag: `{ en: '…', fa: '…', ru: '…' }`. */
export type LocalizedText = Record<string, string>;

/** Writes accept a plain string (stored under the committee's default locale) or an object. */
export function toLocalizedText(value: string | LocalizedText, defaultLocale: string): LocalizedText {
  return typeof value === 'string' ? { [defaultLocale]: value } : { ...value };
}

/** Fallback: the asked language, its base language (`fa-IR` → `fa`), then `en`, then any non-empty value. */
export function resolveText(text: LocalizedText | null | undefined, lang: string | undefined): string | null {
  const tag = resolvedTag(text, lang);
  return tag === null ? null : text![tag];
}

/** The language `resolveText` takes its value from (`de` asked, only `en` written: `en`), or null. */
export function resolvedTag(text: LocalizedText | null | undefined, lang: string | undefined): string | null {
  if (!text) return null;
  const candidates = [lang, lang?.split('-')[0], 'en'].filter((tag): tag is string => Boolean(tag));
  for (const tag of candidates) {
    if (text[tag]) return tag;
  }
  return Object.keys(text).find((tag) => text[tag] !== '') ?? null;
}

/** `resolved.lang`: the language a read's main text is really in, the asked one when it has none. */
export function resolvedLanguage(lang: string, mainText: LocalizedText | null | undefined): string {
  return resolvedTag(mainText, lang) ?? lang;
}
