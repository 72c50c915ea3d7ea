import type { PageContext } from '../../portal/pages/page-context.js';
import { Layout } from '../../portal/views/layout.js';
import type { Registration } from '../registration.entity.js';
import { WebinarSummary } from './webinar-summary.js';
import type { WebinarPageModel } from './webinar-page.model.js';

/** A registrant's own page from their link: status, join link, calendar file, cancel. */
export function PersonalPage(props: {
  ctx: PageContext;
  webinar: WebinarPageModel;
  registration: Pick<Registration, 'status' | 'addressConfirmedAt'>;
  token: string;
  csrfToken: string;
}) {
  const { ctx, webinar, registration, token } = props;
  const words = ctx.t.registration;
  const base = `/registration/${token}`;
  const awaiting = registration.status === 'pending' && registration.addressConfirmedAt;
  const statusText = awaiting ? words.status.awaiting : words.status[registration.status];
  const confirmed = registration.status === 'confirmed' && webinar.status === 'scheduled';
  return (
    <Layout ctx={ctx} title={`${words.yourTitle}: ${webinar.title}`}>
      <WebinarSummary ctx={ctx} webinar={webinar} />
      <section class="card" aria-labelledby="yours">
        <h2 id="yours">{words.yourTitle}</h2>
        <p>
          {words.statusLabel}: <strong id="registration-status">{statusText}</strong>
        </p>
        {registration.status === 'pending' && !registration.addressConfirmedAt && (
          <form method="post" action={`${base}/confirm?lang=${ctx.lang}`}>
            <p>{words.confirmIntro}</p>
            <input type="hidden" name="_csrf" value={props.csrfToken} />
            <button type="submit">{words.confirm}</button>
          </form>
        )}
        {registration.status === 'waitlisted' && <p>{words.waitlistNote}</p>}
        {confirmed && (
          <p>
            {webinar.online ? (
              <a class="button" href={`${base}/join`} rel="noopener noreferrer">
                {words.joinLink}
              </a>
            ) : (
              <span class="muted">{words.joinLater}</span>
            )}
            {' · '}
            <a href={`${base}/webinar.ics?lang=${ctx.lang}`} download>
              {ctx.t.downloadIcs}
            </a>
          </p>
        )}
        {registration.status === 'cancelled' && (
          <p>
            {words.cancelledText}{' '}
            {webinar.window === 'open' && (
              <a href={`/register/${webinar.sessionId}?lang=${ctx.lang}`}>{words.registerAgain}</a>
            )}
          </p>
        )}
        <p class="muted">{words.keepLink}</p>
      </section>
      {['pending', 'confirmed', 'waitlisted'].includes(registration.status) &&
        webinar.status === 'scheduled' && (
          <section class="card" aria-labelledby="cancel">
            <h2 id="cancel">{words.cancelTitle}</h2>
            <p>{words.cancelIntro}</p>
            <form method="post" action={`${base}/cancel?lang=${ctx.lang}`}>
              <input type="hidden" name="_csrf" value={props.csrfToken} />
              <button type="submit" class="secondary">
                {words.cancel}
              </button>
            </form>
          </section>
        )}
    </Layout>
  );
}
