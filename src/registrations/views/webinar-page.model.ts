import { resolveText } from '../../common/i18n/localized-text.js';
import type { Messages, PortalLanguage } from '../../portal/i18n/messages.js';
import { zonedLabels, type ZonedLabel } from '../../portal/pages/zoned-labels.js';
import type { OpenWebinar } from '../registrants.service.js';

/** Both sides' zones, always: the registrants are Iranian and Russian traders and producers. */
export const WEBINAR_ZONES = ['Asia/Tehran', 'Europe/Moscow'];

/** What the public and the personal pages show of a webinar, in the reader's language. */
export interface WebinarPageModel {
  sessionId: string;
  title: string;
  description: string | null;
  introduction: string | null;
  status: 'draft' | 'scheduled' | 'cancelled';
  cancellationReason: string | null;
  times: ZonedLabel[];
  capacity: number;
  window: 'not_open' | 'open' | 'closed';
  opensAt: ZonedLabel;
  online: boolean;
}

export function webinarPageModel(
  webinar: OpenWebinar,
  lang: PortalLanguage,
  t: Messages,
  readerZone: string | undefined,
  now = new Date(),
): WebinarPageModel {
  const { session, settings } = webinar;
  const zones = [...new Set([...WEBINAR_ZONES, session.timeZone])];
  const ownZone = readerZone ?? (lang === 'fa' ? 'Asia/Tehran' : lang === 'ru' ? 'Europe/Moscow' : undefined);
  const first = ownZone && zones.includes(ownZone) ? [ownZone, ...zones.filter((z) => z !== ownZone)] : zones;
  const span = { startsAt: session.startsAt, endsAt: session.endsAt, zoneOfRecord: session.timeZone };
  const opens = { startsAt: settings.opensAt, endsAt: settings.opensAt, zoneOfRecord: session.timeZone };
  return {
    sessionId: session.id,
    title: resolveText(session.title, lang) ?? '',
    description: resolveText(session.description, lang),
    introduction: resolveText(settings.introduction, lang),
    status: session.status,
    cancellationReason: resolveText(session.cancellationReason, lang),
    times: zonedLabels(span, first, ownZone, lang, t),
    capacity: settings.capacity,
    window: registrationWindow(webinar, now),
    opensAt: zonedLabels(opens, [first[0]], undefined, lang, t)[0],
    online: session.format !== 'in_person' && Boolean(session.onlineMeeting?.joinUrl),
  };
}

/** Whether the form takes registrations now: between opensAt and closesAt, before the webinar ends. */
export function registrationWindow(webinar: OpenWebinar, now: Date): WebinarPageModel['window'] {
  const { session, settings } = webinar;
  if (now.getTime() < settings.opensAt.getTime()) return 'not_open';
  if (
    session.status !== 'scheduled' ||
    now.getTime() >= settings.closesAt.getTime() ||
    now.getTime() >= session.endsAt.getTime()
  ) {
    return 'closed';
  }
  return 'open';
}
