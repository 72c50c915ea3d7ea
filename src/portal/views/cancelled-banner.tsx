import type { Messages } from '../i18n/messages.js';

/** The banner a cancelled session or webinar opens with, and the reason given. */
export function CancelledBanner(props: { t: Messages; reason: string | null }) {
  return (
    <p class="banner-cancelled" role="alert">
      {props.t.cancelledBanner}
      {props.reason && (
        <>
          {' '}
          {props.t.reason}: <bdi>{props.reason}</bdi>
        </>
      )}
    </p>
  );
}
