import { CancelledBanner } from './cancelled-banner.js';
import { href, type PageContext } from '../pages/page-context.js';
import type { SessionPageModel } from '../pages/session-page.model.js';
import { AgendaTable } from './agenda-table.js';
import { Layout } from './layout.js';
import { MinutesSection } from './minutes-section.js';
import { ZoneTimes } from './zoned-time.js';

const ANSWERS = ['accepted', 'tentative', 'declined'] as const;

export function SessionPage(props: { ctx: PageContext; session: SessionPageModel }) {
  const { ctx, session } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={session.title}>
      {session.status === 'cancelled' && <CancelledBanner t={t} reason={session.cancellationReason} />}
      <h1>
        <bdi>{session.title}</bdi>
      </h1>
      <p>
        <span class={`status ${session.status}`}>{t.status[session.status]}</span> ·{' '}
        {t.kind[session.kind as keyof typeof t.kind]} · {t.format[session.format as keyof typeof t.format]}
      </p>
      {session.description && <p>{session.description}</p>}
      <section class="card" aria-labelledby="times">
        <h2 id="times">{t.times}</h2>
        <ZoneTimes labels={session.times} t={t} />
      </section>
      <Rsvp ctx={ctx} session={session} />
      {(session.location || session.joinUrl) && (
        <section class="card" aria-labelledby="where">
          <h2 id="where">{t.location}</h2>
          {session.location && (
            <p>
              <bdi>{session.location}</bdi>
            </p>
          )}
          {session.joinUrl && (
            <p>
              <a href={session.joinUrl} rel="noopener noreferrer">
                {t.joinOnline}
              </a>
              {session.accessCode && (
                <>
                  {' · '}
                  {t.accessCode}: <bdi dir="ltr">{session.accessCode}</bdi>
                </>
              )}
            </p>
          )}
        </section>
      )}
      <section class="card" aria-labelledby="agenda">
        <h2 id="agenda">{t.agenda}</h2>
        <AgendaTable t={t} lang={ctx.lang} session={session} />
        <p class="no-print">
          <a href={href(ctx, `/sessions/${session.id}/print`)}>{t.printAgenda}</a>
          {' · '}
          <a href={href(ctx, `/sessions/${session.id}/session.ics`)} download>
            {t.downloadIcs}
          </a>
        </p>
      </section>
      {session.minutes && <MinutesSection ctx={ctx} sessionId={session.id} minutes={session.minutes} />}
    </Layout>
  );
}

function Rsvp(props: { ctx: PageContext; session: SessionPageModel }) {
  const { ctx, session } = props;
  const { t } = ctx;
  if (session.rsvp === null) return <p class="muted">{t.notInvited}</p>;
  return (
    <section class="card" aria-labelledby="rsvp">
      <h2 id="rsvp">{t.yourAnswer}</h2>
      <p>
        <span class="rsvp-state" id="rsvp-state">
          {t.rsvp[session.rsvp]}
        </span>
      </p>
      {session.status !== 'cancelled' && (
        <form method="post" action={href(ctx, `/sessions/${session.id}/rsvp`)} class="rsvp-buttons">
          <input type="hidden" name="_csrf" value={ctx.viewer?.csrfToken ?? ''} />
          {ANSWERS.map((answer) => (
            <button
              type="submit"
              name="rsvp"
              value={answer}
              class={answer === session.rsvp ? undefined : 'secondary'}
              aria-pressed={answer === session.rsvp ? 'true' : 'false'}
            >
              {t.rsvpAction[answer]}
            </button>
          ))}
        </form>
      )}
    </section>
  );
}
