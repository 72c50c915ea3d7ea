import type { ComponentChildren } from 'preact';
import { messagesFor, PORTAL_LANGUAGES } from '../i18n/messages.js';
import { href, type PageContext } from '../pages/page-context.js';

/** The page shell: `<html lang dir>`, the header with navigation and the language switcher. */
export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t.appName}`}</title>
        <link rel="stylesheet" href="/assets/portal.css" />
        <script src="/assets/portal.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#content">
          {t.skipToContent}
        </a>
        <header class="top">
          <a class="brand" href={href(ctx, '/my')}>
            {t.appName}
          </a>
          {ctx.viewer && (
            <nav aria-label={t.mySessions}>
              <ul>
                <li>
                  <a href={href(ctx, '/my')}>{t.mySessions}</a>
                </li>
                <li>
                  <a href={href(ctx, '/my/calendar')}>{t.myCalendar}</a>
                </li>
                <li class="muted">
                  {t.signedInAs} <bdi>{ctx.viewer.name}</bdi>
                </li>
                <li>
                  <form class="inline" method="post" action="/signout">
                    <input type="hidden" name="_csrf" value={ctx.viewer.csrfToken} />
                    <button type="submit" class="secondary">
                      {t.signOut}
                    </button>
                  </form>
                </li>
              </ul>
            </nav>
          )}
          <nav class="languages" aria-label={t.language}>
            <ul>
              {PORTAL_LANGUAGES.map((lang) => (
                <li>
                  <a
                    href={`${ctx.path}?lang=${lang}`}
                    lang={lang}
                    hreflang={lang}
                    aria-current={lang === ctx.lang ? 'true' : undefined}
                  >
                    {messagesFor(lang).languageName}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="content">{props.children}</main>
      </body>
    </html>
  );
}
