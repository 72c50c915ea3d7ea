import type { PageContext } from '../pages/page-context.js';
import { Layout } from './layout.js';

/** The delegate's feed: its URLs when just made (they are never stored), and how to add it. */
export function CalendarPage(props: { ctx: PageContext; urls?: { https: string; webcal: string } }) {
  const { ctx, urls } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.calendarTitle}>
      <h1>{t.calendarTitle}</h1>
      <p>{t.calendarIntro}</p>
      {urls ? (
        <section class="card" aria-labelledby="links">
          <h2 id="links">{t.calendarNew}</h2>
          <p>
            <a href={urls.webcal}>{t.webcalLink}</a>
          </p>
          <CopyRow id="feed-webcal" label={t.webcalLink} value={urls.webcal} t={t} />
          <CopyRow id="feed-https" label={t.httpsLink} value={urls.https} t={t} />
        </section>
      ) : (
        <p class="card">{t.calendarHidden}</p>
      )}
      <form method="post" action={`/my/calendar?lang=${ctx.lang}`}>
        <input type="hidden" name="_csrf" value={ctx.viewer?.csrfToken ?? ''} />
        <button type="submit" class="secondary">
          {t.calendarMake}
        </button>
      </form>
      <section aria-labelledby="how">
        <h2 id="how">{t.howTo}</h2>
        <ul>
          <li>{t.howToGoogle}</li>
          <li>{t.howToOutlook}</li>
          <li>{t.howToApple}</li>
          <li>{t.howToThunderbird}</li>
        </ul>
      </section>
    </Layout>
  );
}

function CopyRow(props: { id: string; label: string; value: string; t: PageContext['t'] }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <div class="copy-row">
        <input id={props.id} class="feed-url" type="text" readOnly value={props.value} dir="ltr" />
        <button
          type="button"
          class="copy-button"
          hidden
          data-copy-target={props.id}
          data-copy-status={`${props.id}-status`}
          data-copied-text={props.t.copied}
        >
          {props.t.copy}
        </button>
        <span class="copy-status" id={`${props.id}-status`} role="status"></span>
      </div>
    </>
  );
}
