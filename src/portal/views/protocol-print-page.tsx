import type { ProtocolSection } from '../../minutes/protocol-model.js';
import { href, type PageContext } from '../pages/page-context.js';
import type { SessionMinutes } from '../pages/session-page.model.js';
import { Layout } from './layout.js';
import { MinutesItem } from './minutes-section.js';

/**
 * The protocol laid out for paper: each language's complete text in turn (each equally
 * authentic), right to left for Persian, with the signature blocks of both co-chairs.
 */
export function ProtocolPrintPage(props: {
  ctx: PageContext;
  sessionId: string;
  title: string;
  minutes: SessionMinutes;
}) {
  const { ctx, minutes } = props;
  return (
    <Layout ctx={ctx} title={`${ctx.t.minutesTitle}: ${props.title}`}>
      <p class="no-print">
        <a href={href(ctx, `/sessions/${props.sessionId}`)}>{ctx.t.backToSession}</a>
      </p>
      {minutes.sections.map((section) => (
        <ProtocolText section={section} />
      ))}
    </Layout>
  );
}

function ProtocolText(props: { section: ProtocolSection }) {
  const { section } = props;
  return (
    <section class="protocol" lang={section.lang} dir={section.rightToLeft ? 'rtl' : 'ltr'}>
      <h1>{section.heading}</h1>
      {section.lines.map((line) => (
        <p>
          <bdi>{line}</bdi>
        </p>
      ))}
      <h2>{section.attendanceHeading}</h2>
      <ul>
        {section.attendance.map((party) => (
          <li>
            <bdi>{party.party}</bdi>: <bdi>{party.names.join(', ')}</bdi>
          </li>
        ))}
      </ul>
      <h2>{section.agendaHeading}</h2>
      {section.items.map((item) => (
        <MinutesItem item={item} section={section} />
      ))}
      <h2>{section.signaturesHeading}</h2>
      <div class="signatures">
        {section.signatures.map((signature) => (
          <p class="signature">
            <bdi>{signature.role}</bdi> · <bdi>{signature.party}</bdi>
            <br />
            <bdi>{signature.name}</bdi>
            {signature.position && (
              <>
                <br />
                <bdi>{signature.position}</bdi>
              </>
            )}
          </p>
        ))}
      </div>
      <p>
        <em>{section.authenticity}</em>
      </p>
    </section>
  );
}
