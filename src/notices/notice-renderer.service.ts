import { Inject, Injectable } from '@nestjs/common';
import { seriesToEvents, occurrenceToEvent } from '../calendar-feeds/series-events.js';
import { sessionToEvent, type EventContext, type FeedAgendaItem } from '../calendar-feeds/session-event.js';
import type { IcsEvent } from '../calendar-feeds/ics/ics-writer.js';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import { APP_CONFIG, mailboxAddress, type AppConfig } from '../config/app-config.js';
import { MailLinks } from '../portal/sign-in/mail-links.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import type { Session } from '../sessions/session.entity.js';
import { noticeCalendar } from './notice-calendar.js';
import { renderNotice, renderSignInNotice } from './notice-message.js';
import { agendaLines } from './notice-times.js';
import { noticeLanguage } from './notice-words.js';
import type { Notice } from './notice.entity.js';
import { NoticesRepository, type RecipientRow } from './notices.repository.js';

export interface NoticeMail {
  subject: string;
  text: string;
  html: string;
  replyTo: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/** A notice's session (or a series with its first occurrence) as loaded for rendering. */
interface LoadedTarget {
  session: Session;
  agenda: FeedAgendaItem[];
  title: LocalizedText;
  /** The invitation whose RSVP is the recipient's PARTSTAT. */
  rsvpSessionId: string;
  /** When the last of its sessions ends: personal links in its e-mails work until a week after. */
  lastEnd: Date;
  events(context: EventContext): IcsEvent[];
}

export type TargetCache = Map<string, Promise<LoadedTarget | undefined>>;

/** Kinds of notice whose e-mail carries the recipient's personal link to the session's page. */
const PORTAL_LINK_KINDS = new Set<Notice['kind']>(['invitation', 'update', 'reminder']);

/** One notice on its way to a message. */
interface Draft {
  mail?: NoticeMail;
  notice?: Notice;
  recipient?: RecipientRow;
  target?: LoadedTarget;
  rsvp?: Rsvp;
  portalLink?: string;
}

/** Builds notices' messages from the current state of their session or series. */
@Injectable()
export class NoticeRenderer {
  constructor(
    private readonly repository: NoticesRepository,
    private readonly mailLinks: MailLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One notice's message; see `renderBatch`. */
  async render(notice: Notice, targets: TargetCache = new Map()): Promise<NoticeMail | undefined> {
    return (await this.renderBatch([notice], targets)).get(notice.id);
  }

  /**
   * Each notice's message, or undefined when it no longer applies (the session is gone). A batch
   * loads its recipients, their answers and its sessions in a few queries, shares each target's
   * VEVENTs among readers of one language and zones, and makes its personal links in one statement.
   */
  async renderBatch(
    notices: Notice[],
    targets: TargetCache = new Map(),
  ): Promise<Map<string, NoticeMail | undefined>> {
    const recipients = await this.repository.recipients(
      notices.flatMap((notice) => notice.participantId ?? []),
    );
    const registrants = await this.repository.registrants(
      notices.flatMap((notice) => notice.registrationId ?? []),
    );
    const recipientOf = (notice: Notice) =>
      notice.registrationId
        ? registrants.get(notice.registrationId)
        : recipients.get(notice.participantId ?? '');
    const loaded = await this.loadTargets(notices, targets);
    const rsvps = await this.repository.rsvps(
      notices.flatMap((notice) => {
        const target = loaded.get(`${notice.targetType}:${notice.targetId}`);
        if (!target || !notice.participantId || notice.registrationId) return [];
        return [{ sessionId: target.rsvpSessionId, participantId: notice.participantId }];
      }),
    );
    const drafts = new Map<string, Draft>();
    for (const notice of notices) {
      const draft = this.draft(notice, recipientOf(notice), loaded, rsvps);
      if (draft) drafts.set(notice.id, draft);
    }
    await this.addPortalLinks([...drafts.values()]);
    const events = new Map<string, IcsEvent[]>();
    const mails = new Map<string, NoticeMail | undefined>();
    for (const notice of notices) {
      const draft = drafts.get(notice.id);
      mails.set(notice.id, draft ? (draft.mail ?? this.compose(draft, events)) : undefined);
    }
    return mails;
  }

  /** Each notice's target, once per target, through the shared cache. */
  private async loadTargets(
    notices: Notice[],
    targets: TargetCache,
  ): Promise<Map<string, LoadedTarget | undefined>> {
    for (const notice of notices) {
      if (notice.targetType === 'portal_link') continue;
      const key = `${notice.targetType}:${notice.targetId}`;
      if (!targets.has(key)) targets.set(key, this.target(notice));
    }
    const loaded = new Map<string, LoadedTarget | undefined>();
    for (const [key, target] of targets) loaded.set(key, await target);
    return loaded;
  }

  /** What one notice needs for its message; undefined when it no longer applies. */
  private draft(
    notice: Notice,
    recipient: RecipientRow | undefined,
    loaded: Map<string, LoadedTarget | undefined>,
    rsvps: Map<string, Rsvp>,
  ): Draft | undefined {
    if (!recipient) return undefined;
    if (notice.kind === 'sign_in') return { mail: this.signIn(notice, recipient) };
    const target = loaded.get(`${notice.targetType}:${notice.targetId}`);
    if (!target) return undefined;
    const registrant = recipient.registrant;
    const rsvp = registrant ? registrant.rsvp : rsvps.get(`${target.rsvpSessionId}:${notice.participantId}`);
    if (notice.kind === 'reminder' && (target.session.status !== 'scheduled' || !rsvp)) return undefined;
    // A registrant who is no longer confirmed gets no invitation, update or reminder any more.
    if (registrant && !rsvp && ['invitation', 'update', 'reminder'].includes(notice.kind)) return undefined;
    return { notice, recipient, target, rsvp };
  }

  /** Gives each delegate's invitation, update and reminder its personal link (one statement for all). */
  private async addPortalLinks(drafts: Draft[]): Promise<void> {
    const linked = drafts.filter(
      (draft) =>
        draft.notice?.participantId &&
        !draft.recipient?.registrant &&
        PORTAL_LINK_KINDS.has(draft.notice.kind),
    );
    const links = await this.mailLinks.create(
      linked.map((draft) => ({
        participantId: draft.notice!.participantId!,
        sessionId: draft.target!.session.id,
        endsAt: draft.target!.lastEnd,
      })),
    );
    linked.forEach((draft, index) => (draft.portalLink = links[index]));
  }

  /** The message of one session notice; `events` shares VEVENTs among readers of one context. */
  private compose(draft: Draft, events: Map<string, IcsEvent[]>): NoticeMail {
    const notice = draft.notice!;
    const recipient = draft.recipient!;
    const { session, agenda } = draft.target!;
    const target = draft.target!;
    const language = noticeLanguage(recipient.locale);
    const registrant = recipient.registrant;
    const personalLink = registrant ? `${this.config.publicBaseUrl}/registration/${registrant.token}` : null;
    const otherZones = recipient.other_zones ?? [];
    const context: EventContext = {
      locale: language,
      zones: [...new Set([recipient.time_zone, ...otherZones])],
      publicBaseUrl: this.config.publicBaseUrl,
    };
    const body = renderNotice({
      kind: notice.kind,
      language,
      title: resolveText(target.title, language) ?? '',
      committeeName: resolveText(recipient.committee_name, language) ?? '',
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      recipientZone: recipient.time_zone,
      otherZones,
      previous: notice.previous,
      location: resolveText(session.location, language),
      joinUrl: joinUrlFor(session, registrant, personalLink),
      accessCode:
        session.format !== 'in_person' && (!registrant || registrant.rsvp === 'accepted')
          ? (session.onlineMeeting?.accessCode ?? null)
          : null,
      cancellationReason: resolveText(session.cancellationReason, language),
      agenda: agendaLines(session, agenda, context.zones, language),
      portalLink: draft.portalLink ?? null,
      forRegistrant: Boolean(registrant),
      personalLink,
    });
    const organizer = recipient.organizer_email ?? mailboxAddress(this.config.mailFrom);
    const mail: NoticeMail = { ...body, replyTo: organizer };
    if (notice.kind === 'reminder' || notice.kind.startsWith('registration_')) return mail;
    const method = notice.kind === 'cancellation' || notice.kind === 'withdrawal' ? 'CANCEL' : 'REQUEST';
    const eventsKey = `${notice.targetType}:${notice.targetId}:${language}:${context.zones.join(',')}`;
    if (!events.has(eventsKey)) events.set(eventsKey, target.events(context));
    const shared = events.get(eventsKey)!;
    const content = noticeCalendar({
      method,
      events: method === 'CANCEL' ? shared.slice(0, 1) : shared,
      timeZone: recipient.time_zone,
      organizer: { email: organizer, name: resolveText(recipient.committee_name, language) ?? undefined },
      attendee: {
        email: recipient.email,
        name: resolveText(recipient.full_name, language) ?? undefined,
        rsvp: draft.rsvp ?? 'needs_action',
      },
    });
    return { ...mail, calendar: { method, content } };
  }

  /** The /signin e-mail: the one-time link kept with the notice, in the recipient's language. */
  private signIn(notice: Notice, recipient: RecipientRow): NoticeMail | undefined {
    if (!notice.payload) return undefined;
    const language = noticeLanguage(recipient.locale);
    const body = renderSignInNotice({
      language,
      committeeName: resolveText(recipient.committee_name, language) ?? '',
      link: notice.payload.link,
      expiresAt: new Date(notice.payload.expiresAt),
      recipientZone: recipient.time_zone,
    });
    return { ...body, replyTo: recipient.organizer_email ?? mailboxAddress(this.config.mailFrom) };
  }

  private async target(notice: Notice): Promise<LoadedTarget | undefined> {
    if (notice.targetType === 'series') {
      const series = await this.repository.seriesById(notice.targetId);
      if (!series) return undefined;
      const occurrences = await this.repository.publishedOccurrences(series.id);
      const first = occurrences.find((occurrence) => occurrence.status === 'scheduled') ?? occurrences[0];
      if (!first) return undefined;
      const agendas = await this.repository.agendas(occurrences.map((occurrence) => occurrence.id));
      return {
        session: first,
        agenda: agendas.get(first.id) ?? [],
        title: series.title,
        rsvpSessionId: first.id,
        lastEnd: occurrences.at(-1)!.endsAt,
        events: (context: EventContext): IcsEvent[] =>
          seriesToEvents(
            series,
            occurrences.map((session) => ({ session, agenda: agendas.get(session.id) ?? [] })),
            context,
          ),
      };
    }
    const session = await this.repository.sessionById(notice.targetId);
    if (!session || session.status === 'draft') return undefined;
    const agenda = (await this.repository.agendas([session.id])).get(session.id) ?? [];
    const series = session.seriesId ? await this.repository.seriesById(session.seriesId) : null;
    return {
      session,
      agenda,
      title: session.title,
      rsvpSessionId: session.id,
      lastEnd: session.endsAt,
      events: (context: EventContext): IcsEvent[] => [
        series
          ? occurrenceToEvent(series, session, agenda, context)
          : sessionToEvent(session, agenda, context),
      ],
    };
  }
}

/**
 * The join link a recipient's mail shows: a confirmed registrant's personal `/join` (which
 * forwards while they hold a seat), none for other registrants, the meeting's own for delegates.
 */
function joinUrlFor(
  session: Session,
  registrant: RecipientRow['registrant'],
  personalLink: string | null,
): string | null {
  if (session.format === 'in_person' || !session.onlineMeeting?.joinUrl) return null;
  if (!registrant) return session.onlineMeeting.joinUrl;
  return personalLink && registrant.rsvp === 'accepted' ? `${personalLink}/join` : null;
}
