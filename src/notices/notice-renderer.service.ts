import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { computeAgendaTimeline } from '../agenda/agenda-timeline.js';
import { seriesToEvents, occurrenceToEvent } from '../calendar-feeds/series-events.js';
import { sessionToEvent, type EventContext, type FeedAgendaItem } from '../calendar-feeds/session-event.js';
import type { IcsEvent } from '../calendar-feeds/ics/ics-writer.js';
import { resolveText, type LocalizedText } from '../common/i18n/localized-text.js';
import { APP_CONFIG, mailboxAddress, type AppConfig } from '../config/app-config.js';
import { Series } from '../series/series.entity.js';
import type { Rsvp } from '../sessions/session-participant.entity.js';
import { Session } from '../sessions/session.entity.js';
import { noticeCalendar } from './notice-calendar.js';
import { renderNotice } from './notice-message.js';
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
  events(context: EventContext): IcsEvent[];
}

export type TargetCache = Map<string, Promise<LoadedTarget | undefined>>;

/** Builds one notice's message from the current state of its session or series. */
@Injectable()
export class NoticeRenderer {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The message, or undefined when the notice no longer applies (the session is gone). Notices
   * of one round share `targets`, so a publish to 2,000 invitees loads its session once.
   */
  async render(notice: Notice, targets: TargetCache = new Map()): Promise<NoticeMail | undefined> {
    const recipient = notice.registrationId
      ? await this.registrant(notice.registrationId)
      : await this.participant(notice.participantId!);
    if (!recipient) return undefined;
    const key = `${notice.targetType}:${notice.targetId}`;
    if (!targets.has(key)) targets.set(key, this.target(notice));
    const loaded = await targets.get(key)!;
    if (!loaded) return undefined;
    const rsvp = recipient.registrant
      ? recipient.registrant.rsvp
      : await this.rsvp(loaded.rsvpSessionId, notice.participantId!);
    const target = { ...loaded, rsvp };
    const { session, agenda } = target;
    const language = noticeLanguage(recipient.locale);
    if (notice.kind === 'reminder' && (session.status !== 'scheduled' || !target.rsvp)) return undefined;
    const registrant = recipient.registrant;
    // A registrant who is no longer confirmed gets no invitation, update or reminder any more.
    if (registrant && !registrant.rsvp && ['invitation', 'update', 'reminder'].includes(notice.kind)) {
      return undefined;
    }
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
      joinUrl:
        session.format === 'in_person' || !session.onlineMeeting?.joinUrl
          ? null
          : personalLink && registrant?.rsvp === 'accepted'
            ? `${personalLink}/join`
            : registrant
              ? null
              : session.onlineMeeting.joinUrl,
      accessCode:
        session.format !== 'in_person' && (!registrant || registrant.rsvp === 'accepted')
          ? (session.onlineMeeting?.accessCode ?? null)
          : null,
      cancellationReason: resolveText(session.cancellationReason, language),
      agenda: agendaLines(session, agenda, context.zones, language),
      forRegistrant: Boolean(registrant),
      personalLink,
    });
    const organizer = recipient.organizer_email ?? mailboxAddress(this.config.mailFrom);
    const mail: NoticeMail = { ...body, replyTo: organizer };
    if (notice.kind === 'reminder' || notice.kind.startsWith('registration_')) return mail;
    const method = notice.kind === 'cancellation' || notice.kind === 'withdrawal' ? 'CANCEL' : 'REQUEST';
    const events = target.events(context);
    const content = noticeCalendar({
      method,
      events: method === 'CANCEL' ? events.slice(0, 1) : events,
      timeZone: recipient.time_zone,
      organizer: { email: organizer, name: resolveText(recipient.committee_name, language) ?? undefined },
      attendee: {
        email: recipient.email,
        name: resolveText(recipient.full_name, language) ?? undefined,
        rsvp: target.rsvp ?? 'needs_action',
      },
    });
    return { ...mail, calendar: { method, content } };
  }

  private async participant(participantId: string): Promise<Recipient | undefined> {
    const [recipient] = await this.dataSource.query<Recipient[]>(
      `SELECT p.full_name, p.email, p.time_zone, p.locale, p.party_id, c.name AS committee_name, c.organizer_email,
              (SELECT array_agg(pa.time_zone ORDER BY pa.created_at, pa.id) FROM parties pa
                WHERE pa.committee_id = c.id AND pa.id <> p.party_id) AS other_zones
         FROM participants p JOIN committees c ON c.id = p.committee_id WHERE p.id = $1`,
      [participantId],
    );
    return recipient;
  }

  /**
   * A webinar registrant as a recipient: their own language and zone, the parties' other zones,
   * and their personal link. A purged registration (no address any more) gets nothing.
   */
  private async registrant(registrationId: string): Promise<Recipient | undefined> {
    const [row] = await this.dataSource.query<
      Array<Omit<Recipient, 'full_name' | 'registrant'> & { name: string; status: string; token: string }>
    >(
      `SELECT r.full_name AS name, r.email, r.time_zone, r.language AS locale, NULL AS party_id, r.status,
              r.access_token AS token, c.name AS committee_name, c.organizer_email,
              (SELECT array_agg(pa.time_zone ORDER BY pa.created_at, pa.id) FROM parties pa
                WHERE pa.committee_id = c.id AND pa.time_zone <> r.time_zone) AS other_zones
         FROM registrations r JOIN sessions s ON s.id = r.session_id JOIN committees c ON c.id = s.committee_id
        WHERE r.id = $1 AND r.email IS NOT NULL AND r.access_token IS NOT NULL`,
      [registrationId],
    );
    if (!row) return undefined;
    const { name, status, token, ...rest } = row;
    return {
      ...rest,
      full_name: { [row.locale]: name },
      registrant: { token, rsvp: status === 'confirmed' ? 'accepted' : undefined },
    };
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

  private async rsvp(sessionId: string, participantId: string): Promise<Rsvp | undefined> {
    const [row] = await this.dataSource.query<Array<{ rsvp: Rsvp }>>(
      'SELECT rsvp FROM session_participants WHERE session_id = $1 AND participant_id = $2',
      [sessionId, participantId],
    );
    return row?.rsvp;
  }
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
        const clock = new Intl.DateTimeFormat(locale, {
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
