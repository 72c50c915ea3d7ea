import type { ProtocolItem, ProtocolSection } from '../../minutes/protocol-model.js';
import { fill } from '../i18n/messages.js';
import { href, type PageContext } from '../pages/page-context.js';
import type { SessionMinutes } from '../pages/session-page.model.js';
import { localDigits } from '../pages/zoned-labels.js';

/** The agreed (or signed) minutes on the session page, in the reader's language. */
export function MinutesSection(props: { ctx: PageContext; sessionId: string; minutes: SessionMinutes }) {
  const { ctx, minutes } = props;
  const { t } = ctx;
  const section = minutes.sections[0];
  return (
    <section class="card" aria-labelledby="minutes">
      <h2 id="minutes">{t.minutesTitle}</h2>
      <p>
        <span class={`status minutes-${minutes.status}`}>{t.minutesState[minutes.status]}</span> ·{' '}
        {fill(t.minutesRevision, { revision: localDigits(String(minutes.revision), ctx.lang) })}
      </p>
      {section.items.map((item) => (
        <MinutesItem item={item} section={section} />
      ))}
      <p class="no-print">
        <a href={href(ctx, `/sessions/${props.sessionId}/protocol`)}>{t.printProtocol}</a>
      </p>
    </section>
  );
}

/** One agenda item's notes, decisions and action items. */
export function MinutesItem(props: { item: ProtocolItem; section: ProtocolSection }) {
  const { item, section } = props;
  return (
    <article class="minutes-item">
      <h3>
        <bdi>{section.lang === 'fa' ? localDigits(item.heading, 'fa') : item.heading}</bdi>
      </h3>
      {item.notes && <p>{item.notes}</p>}
      <TitledList heading={section.decisionsHeading} lines={item.decisions} />
      <TitledList heading={section.actionItemsHeading} lines={item.actionItems} />
    </article>
  );
}

function TitledList(props: { heading: string; lines: string[] }) {
  if (props.lines.length === 0) return null;
  return (
    <>
      <h4>{props.heading}</h4>
      <ul>
        {props.lines.map((line) => (
          <li>
            <bdi>{line}</bdi>
          </li>
        ))}
      </ul>
    </>
  );
}
