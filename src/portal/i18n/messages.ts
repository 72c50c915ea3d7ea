import { en, type Messages } from './en.js';
import { fa } from './fa.js';
import { ru } from './ru.js';

export type { Messages };
export const PORTAL_LANGUAGES = ['fa', 'ru', 'en'] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

const CATALOGUES: Record<PortalLanguage, Messages> = { en, fa, ru };

export function messagesFor(lang: PortalLanguage): Messages {
  return CATALOGUES[lang];
}

/** Persian is written right to left. */
export function directionOf(lang: PortalLanguage): 'rtl' | 'ltr' {
  return lang === 'fa' ? 'rtl' : 'ltr';
}

/** A portal language from a tag (`fa-IR` → `fa`), or undefined when the portal does not speak it. */
export function portalLanguage(tag: unknown): PortalLanguage | undefined {
  if (typeof tag !== 'string') return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (PORTAL_LANGUAGES as readonly string[]).includes(base) ? (base as PortalLanguage) : undefined;
}

/** `?lang=` first, then the delegate's own locale, then the browser's languages, then English. */
export function choosePortalLanguage(
  asked: unknown,
  delegateLocale: string | undefined,
  acceptLanguage: unknown,
): PortalLanguage {
  const fromHeader =
    typeof acceptLanguage === 'string'
      ? acceptLanguage
          .split(',')
          .map((part) => portalLanguage(part.split(';')[0]))
          .find(Boolean)
      : undefined;
  return portalLanguage(asked) ?? portalLanguage(delegateLocale) ?? fromHeader ?? 'en';
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
