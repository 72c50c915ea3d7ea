import type { SessionDay } from '../pages/my-page.model.js';
import { href, type PageContext } from '../pages/page-context.js';
import { Layout } from './layout.js';
import { ZoneTimes } from './zoned-time.js';

export function MyPage(props: { ctx: PageContext; upcoming: SessionDay[]; past: SessionDay[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.mySessions}>
      <h1>{t.mySessions}</h1>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{t.upcoming}</h2>
        <Days ctx={ctx} days={props.upcoming} />
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{t.past}</h2>
        <Days ctx={ctx} days={props.past} />
      </section>
    </Layout>
  );
}

function Days(props: { ctx: PageContext; days: SessionDay[] }) {
  const { ctx } = props;
  const { t } = ctx;
  if (props.days.length === 0) return <p class="muted">{t.noSessions}</p>;
  return (
    <>
      {props.days.map((day) => (
        <div class="card">
          <h3>
            <time dateTime={day.day}>{day.label}</time>
          </h3>
          <ul class="sessions">
            {day.sessions.map((session) => (
              <li>
                <a href={href(ctx, `/sessions/${session.id}`)}>
                  <bdi>{session.title}</bdi>
                </a>{' '}
                {session.status === 'cancelled' && <span class="status cancelled">{t.status.cancelled}</span>}{' '}
                {session.rsvp && <span class="rsvp-state">{t.rsvp[session.rsvp]}</span>}
                <ZoneTimes labels={session.times} t={t} withDates={false} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
