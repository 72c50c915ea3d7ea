import { fill, type Messages, type PortalLanguage } from '../i18n/messages.js';
import type { SessionPageModel } from '../pages/session-page.model.js';
import { localDigits } from '../pages/zoned-labels.js';
import { TimeRange } from './zoned-time.js';

/** The numbered agenda with planned start and end in every zone, presenters and kinds. */
export function AgendaTable(props: { t: Messages; lang: PortalLanguage; session: SessionPageModel }) {
  const { t, lang, session } = props;
  if (session.agenda.length === 0) return <p class="muted">{t.noAgenda}</p>;
  const zones = session.agenda[0].times;
  const number = (value: number) => localDigits(String(value), lang);
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.agenda}</th>
            {zones.map((zone) => (
              <th scope="col">
                <bdi>{zone.city}</bdi>
              </th>
            ))}
            <th scope="col">{t.presenters}</th>
          </tr>
        </thead>
        <tbody>
          {session.agenda.map((item) => (
            <tr>
              <td class="number">
                <bdi dir="ltr">{localDigits(item.number, lang)}</bdi>
              </td>
              <td>
                <bdi>{item.title}</bdi>
                <br />
                <span class="muted">
                  {t.itemKind[item.kind as keyof typeof t.itemKind]} · {number(item.durationMinutes)}{' '}
                  {t.minutes}
                </span>
              </td>
              {item.times.map((label) => (
                <td>
                  <TimeRange label={label} />
                </td>
              ))}
              <td>
                {item.presenters.map((name, index) => (
                  <>
                    {index > 0 && ', '}
                    <bdi>{name}</bdi>
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        {fill(t.plannedMinutes, {
          planned: number(session.plannedMinutes),
          session: number(session.sessionMinutes),
        })}
      </p>
      {session.overrunMinutes > 0 && (
        <p class="banner-cancelled">{fill(t.overrun, { minutes: number(session.overrunMinutes) })}</p>
      )}
    </>
  );
}
