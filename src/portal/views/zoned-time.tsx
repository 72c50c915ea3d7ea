import type { Messages } from '../i18n/messages.js';
import type { ZonedLabel } from '../pages/zoned-labels.js';

/** `10:00–12:00`, isolated left to right so a Persian line never reverses it. */
export function TimeRange(props: { label: ZonedLabel }) {
  const { label } = props;
  return (
    <bdi dir="ltr">
      <time dateTime={label.startIso}>{label.start}</time>–<time dateTime={label.endIso}>{label.end}</time>
    </bdi>
  );
}

/** A span in every zone: city, date in both calendars, times; the viewer's own zone marked. */
export function ZoneTimes(props: { labels: ZonedLabel[]; t: Messages; withDates?: boolean }) {
  const { t } = props;
  return (
    <ul class="times">
      {props.labels.map((label) => (
        <li class={label.isViewer ? 'viewer' : undefined}>
          <bdi>{label.city}</bdi>: <TimeRange label={label} />
          {props.withDates !== false && (
            <>
              {' · '}
              <time dateTime={label.startIso.slice(0, 10)}>{label.date}</time>
              {' · '}
              <span class="muted">{label.otherCalendarDate}</span>
            </>
          )}
          {label.dayOffset > 0 && <span class="muted"> ({t.nextDay})</span>}
          {label.dayOffset < 0 && <span class="muted"> ({t.previousDay})</span>}
          {label.isViewer && <span class="muted"> ({t.yourTime})</span>}
        </li>
      ))}
    </ul>
  );
}
