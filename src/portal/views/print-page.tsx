import { href, type PageContext } from '../pages/page-context.js';
import type { SessionPageModel } from '../pages/session-page.model.js';
import { AgendaTable } from './agenda-table.js';
import { Layout } from './layout.js';
import { ZoneTimes } from './zoned-time.js';

/** The agenda on its own, laid out for paper (the stylesheet's print rules hide the rest). */
export function PrintPage(props: { ctx: PageContext; session: SessionPageModel }) {
  const { ctx, session } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t.agenda}: ${session.title}`}>
      <p class="no-print">
        <a href={href(ctx, `/sessions/${session.id}`)}>{t.backToSession}</a>
      </p>
      <h1>
        <bdi>{session.title}</bdi>
      </h1>
      {session.status === 'cancelled' && <p class="banner-cancelled">{t.cancelledBanner}</p>}
      <ZoneTimes labels={session.times} t={t} />
      {session.location && (
        <p>
          {t.location}: <bdi>{session.location}</bdi>
        </p>
      )}
      <h2>{t.agenda}</h2>
      <AgendaTable t={t} lang={ctx.lang} session={session} />
    </Layout>
  );
}
