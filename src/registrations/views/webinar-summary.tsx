import { CancelledBanner } from '../../portal/views/cancelled-banner.js';
import type { PageContext } from '../../portal/pages/page-context.js';
import { ZoneTimes } from '../../portal/views/zoned-time.js';
import type { WebinarPageModel } from './webinar-page.model.js';

/** The webinar as the public sees it: title, cancelled banner, description, times in both zones. */
export function WebinarSummary(props: { ctx: PageContext; webinar: WebinarPageModel }) {
  const { ctx, webinar } = props;
  const { t } = ctx;
  return (
    <>
      {webinar.status === 'cancelled' && <CancelledBanner t={t} reason={webinar.cancellationReason} />}
      <h1>
        <bdi>{webinar.title}</bdi>
      </h1>
      <p>
        <span class={`status ${webinar.status}`}>{t.status[webinar.status]}</span> · {t.kind.webinar}
      </p>
      {webinar.description && <p>{webinar.description}</p>}
      {webinar.introduction && <p>{webinar.introduction}</p>}
      <section class="card" aria-labelledby="times">
        <h2 id="times">{t.times}</h2>
        <ZoneTimes labels={webinar.times} t={t} />
      </section>
    </>
  );
}
