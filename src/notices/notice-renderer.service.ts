import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeAgendaTimeline } from '../agenda/agenda-timeline.js';
import { seriesToEvents, occurrenceToEvent } from '../calendar-feeds/series-events.js';
import { sessionToEvent, type EventContext, type FeedAgendaItem } from '../calendar-feeds/session-event.js';
import type { IcsEvent } from '../calendar-feeds/ics/ics-writer.js';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import { dateTimeFormat } from '../common/time/intl-cache.js';
import { APP_CONFIG, mailboxAddress, type AppConfig } from '../config/app-config.js';
import { MailLinks } from '../portal/sign-in/mail-links.js';
import { Series } from '../series/series.entity.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import { Session } from '../sessions/session.entity.js';
import { noticeCalendar } from './notice-calendar.js';
import { renderNotice, renderSignInNotice } from './notice-message.js';
import { cityName } from './notice-times.js';
import { noticeLanguage, type NoticeLanguage } from './notice-words.js';
import type { Notice } from './notice.entity.js';

export interface NoticeMail {
  subject: string;
  text: string;
  html: string;
  replyTo: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

interface Recipient {
  full_name: LocalizedText;
  email: string;
  time_zone: string;
  locale: string;
  party_id: string | null;
  committee_name: LocalizedText;
  organizer_email: string | null;
  other_zones: string[] | null;
  /** Set when the recipient is a webinar registrant, not a participant. */
  registrant?: { token: string; rsvp: Rsvp | undefined };
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

/** The per-recipient facts a notice needs, loaded for a whole batch at once. */
interface RecipientRow extends Recipient {
  id: string;
}

/** Builds notices' messages from the current state of their session or series. */
@Injectable()
export class NoticeRenderer {
  constructor(
    private readonly dataSource: DataSource,
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
    const recipients = await this.recipients(notices.flatMap((notice) => notice.participantId ?? []));
    const registrants = await this.registrants(notices.flatMap((notice) => notice.registrationId ?? []));
    const recipientOf = (notice: Notice) =>
      notice.registrationId
        ? registrants.get(notice.registrationId)
        : recipients.get(notice.participantId ?? '');
    for (const notice of notices) {
      if (notice.targetType === 'portal_link') continue;
      const key = `${notice.targetType}:${notice.targetId}`;
      if (!targets.has(key)) targets.set(key, this.target(notice));
    }
    const loaded = new Map<string, LoadedTarget | undefined>();
    for (const [key, target] of targets) loaded.set(key, await target);
    const rsvps = await this.rsvps(
      notices.flatMap((notice) => {
        const target = loaded.get(`${notice.targetType}:${notice.targetId}`);
        if (!target || !notice.participantId || notice.registrationId) return [];
        return [{ sessionId: target.rsvpSessionId, participantId: notice.participantId }];
      }),
    );
    const drafts = new Map<string, Draft>();
    for (const notice of notices) {
      const recipient = recipientOf(notice);
      if (!recipient) continue;
      if (notice.kind === 'sign_in') {
        drafts.set(notice.id, { mail: this.signIn(notice, recipient) });
        continue;
      }
      const target = loaded.get(`${notice.targetType}:${notice.targetId}`);
      if (!target) continue;
      const registrant = recipient.registrant;
      const rsvp = registrant
        ? registrant.rsvp
        : rsvps.get(`${target.rsvpSessionId}:${notice.participantId}`);
      if (notice.kind === 'reminder' && (target.session.status !== 'scheduled' || !rsvp)) continue;
      // A registrant who is no longer confirmed gets no invitation, update or reminder any more.
      if (registrant && !rsvp && ['invitation', 'update', 'reminder'].includes(notice.kind)) continue;
      drafts.set(notice.id, { notice, recipient, target, rsvp });
    }
    const linked = [...drafts.entries()].filter(
      ([, draft]) =>
        draft.notice?.participantId &&
        !draft.recipient?.registrant &&
        PORTAL_LINK_KINDS.has(draft.notice.kind),
    );
    const links = await this.mailLinks.create(
      linked.map(([, draft]) => ({
        participantId: draft.notice!.participantId!,
        sessionId: draft.target!.session.id,
        endsAt: draft.target!.lastEnd,
      })),
    );
    linked.forEach(([, draft], index) => (draft.portalLink = links[index]));
    const events = new Map<string, IcsEvent[]>();
    const mails = new Map<string, NoticeMail | undefined>();
    for (const notice of notices) {
      const draft = drafts.get(notice.id);
      mails.set(notice.id, draft ? (draft.mail ?? this.compose(draft, events)) : undefined);
    }
    return mails;
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

  private async recipients(participantIds: string[]): Promise<Map<string, RecipientRow>> {
    const rows = await this.dataSource.query<RecipientRow[]>(
      `SELECT p.id, p.full_name, p.email, p.time_zone, p.locale, p.party_id, c.name AS committee_name,
              c.organizer_email,
              (SELECT array_agg(pa.time_zone ORDER BY pa.created_at, pa.id) FROM parties pa
                WHERE pa.committee_id = c.id AND pa.id <> p.party_id) AS other_zones
         FROM participants p JOIN committees c ON c.id = p.committee_id WHERE p.id = ANY($1::uuid[])`,
      [[...new Set(participantIds)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Webinar registrants as recipients, by registration id: their own language and zone, the
   * parties' other zones, and their personal link. A purged registration (no address) gets nothing.
   */
  private async registrants(registrationIds: string[]): Promise<Map<string, RecipientRow>> {
    if (registrationIds.length === 0) return new Map();
    const rows = await this.dataSource.query<
      Array<Omit<RecipientRow, 'full_name' | 'registrant'> & { name: string; status: string; token: string }>
    >(
      `SELECT r.id, r.full_name AS name, r.email, r.time_zone, r.language AS locale, NULL AS party_id, r.status,
              r.access_token AS token, c.name AS committee_name, c.organizer_email,
              (SELECT array_agg(pa.time_zone ORDER BY pa.created_at, pa.id) FROM parties pa
                WHERE pa.committee_id = c.id AND pa.time_zone <> r.time_zone) AS other_zones
         FROM registrations r JOIN sessions s ON s.id = r.session_id JOIN committees c ON c.id = s.committee_id
        WHERE r.id = ANY($1::uuid[]) AND r.email IS NOT NULL AND r.access_token IS NOT NULL`,
      [[...new Set(registrationIds)]],
    );
    return new Map(
      rows.map(({ name, status, token, ...rest }) => [
        rest.id,
        {
          ...rest,
          full_name: { [rest.locale]: name },
          registrant: { token, rsvp: status === 'confirmed' ? ('accepted' as const) : undefined },
        },
      ]),
    );
  }

  /** Each (session, participant)'s answer, keyed `session:participant`. */
  private async rsvps(
    pairs: Array<{ sessionId: string; participantId: string }>,
  ): Promise<Map<string, Rsvp>> {
    if (pairs.length === 0) return new Map();
    const rows = await this.dataSource.query<
      Array<{ session_id: string; participant_id: string; rsvp: Rsvp }>
    >(
      `SELECT sp.session_id, sp.participant_id, sp.rsvp
         FROM session_participants sp
         JOIN unnest($1::uuid[], $2::uuid[]) AS w(session_id, participant_id)
           ON w.session_id = sp.session_id AND w.participant_id = sp.participant_id`,
      [pairs.map((pair) => pair.sessionId), pairs.map((pair) => pair.participantId)],
    );
    return new Map(rows.map((row) => [`${row.session_id}:${row.participant_id}`, row.rsvp]));
  }

  private async target(notice: Notice): Promise<LoadedTarget | undefined> {
    if (notice.targetType === 'series') {
      const series = await this.dataSource.getRepository(Series).findOneBy({ id: notice.targetId });
      if (!series) return undefined;
      const occurrences = await this.dataSource
        .getRepository(Session)
        .createQueryBuilder('s')
        .where('s.series_id = :id', { id: series.id })
        .andWhere(`s.status <> 'draft'`)
        .orderBy('s.starts_at', 'ASC')
        .getMany();
      const first = occurrences.find((occurrence) => occurrence.status === 'scheduled') ?? occurrences[0];
      if (!first) return undefined;
      const agendas = await this.agendas(occurrences.map((occurrence) => occurrence.id));
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
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: notice.targetId });
    if (!session || session.status === 'draft') return undefined;
    const agenda = (await this.agendas([session.id])).get(session.id) ?? [];
    const series = session.seriesId
      ? await this.dataSource.getRepository(Series).findOneBy({ id: session.seriesId })
      : null;
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

  private async agendas(sessionIds: string[]): Promise<Map<string, FeedAgendaItem[]>> {
    const rows = await this.dataSource.query<Array<FeedAgendaItem & { sessionId: string }>>(
      `SELECT id, session_id AS "sessionId", parent_id AS "parentId", position, duration_minutes AS "durationMinutes", title
         FROM agenda_items WHERE session_id = ANY($1::uuid[])`,
      [sessionIds],
    );
    const bySession = new Map<string, FeedAgendaItem[]>();
    for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
    return bySession;
  }
}

/**
 * The join link a recipient's mail shows: a confirmed registrant's personal `/join` (which
 * forwards while they hold a seat), none for other registrants, the meeting's own for delegates.
 */
function joinUrlFor(
  session: Session,
  registrant: Recipient['registrant'],
  personalLink: string | null,
): string | null {
  if (session.format === 'in_person' || !session.onlineMeeting?.joinUrl) return null;
  if (!registrant) return session.onlineMeeting.joinUrl;
  return personalLink && registrant.rsvp === 'accepted' ? `${personalLink}/join` : null;
}

/** "1. Opening (11:30–11:45 Tehran / 11:00–11:15 Moscow)", in the reader's digits and city names. */
function agendaLines(
  session: Session,
  agenda: FeedAgendaItem[],
  zones: string[],
  language: NoticeLanguage,
): string[] {
  if (agenda.length === 0) return [];
  const byId = new Map(agenda.map((item) => [item.id, item]));
  const locale = language === 'fa' ? 'fa-IR-u-nu-arabext' : language;
  return computeAgendaTimeline(session.startsAt, session.endsAt, agenda).items.map((timed) => {
    const times = zones
      .map((zone) => {
        const clock = dateTimeFormat(locale, {
          timeZone: zone,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
        return `${clock.format(timed.plannedStart)}–${clock.format(timed.plannedEnd)} ${cityName(zone, language)}`;
      })
      .join(' / ');
    const indent = timed.depth === 1 ? '   ' : '';
    return `${indent}${timed.number}. ${resolveText(byId.get(timed.id)!.title, language) ?? ''} (${times})`;
  });
}
