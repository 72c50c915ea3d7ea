import { directionOf, messagesFor, type Messages, type PortalLanguage } from '../i18n/messages.js';

/** What every page template needs besides its own view model. */
export interface PageContext {
  lang: PortalLanguage;
  dir: 'rtl' | 'ltr';
  t: Messages;
  /** The current page's path, for the language switcher. */
  path: string;
  /** The language was asked for with ?lang=, so links carry it on. */
  langAsked: boolean;
  viewer?: { name: string; csrfToken: string };
}

export function pageContext(
  lang: PortalLanguage,
  path: string,
  langAsked: boolean,
  viewer?: PageContext['viewer'],
): PageContext {
  return { lang, dir: directionOf(lang), t: messagesFor(lang), path, langAsked, viewer };
}

/** A link inside the portal that keeps the language the reader chose. */
export function href(context: PageContext, path: string): string {
  return context.langAsked ? `${path}${path.includes('?') ? '&' : '?'}lang=${context.lang}` : path;
}
