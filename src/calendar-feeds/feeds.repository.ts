import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { AgendaItem } from '../agenda/agenda-item.entity.js';
import { Committee } from '../committees/committee.entity.js';
import type { Principal } from '../common/auth/principal.js';
import { pageByCreation, type Page } from '../common/pagination/pagination.js';
import { Participant } from '../participants/participant.entity.js';
import { WorkingGroupMember } from '../working-groups/working-group-member.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';
import { Series } from '../series/series.entity.js';
import { participantSessionsCondition } from '../sessions/sessions.repository.js';
import { Session } from '../sessions/session.entity.js';
import { CalendarFeed, type FeedScope } from './calendar-feed.entity.js';
import type { FeedListQuery } from './dto/feed.dto.js';

/** What a feed follows: its committee, and its participant or working group if it has one. */
export interface FeedTarget {
  committeeId: string;
  participantId: string | null;
  workingGroupId: string | null;
  defaultLocale: string;
}

/** A live feed and the version of everything it could show: enough to answer 304. */
export interface FeedStateRow {
  id: string;
  scope: FeedScope;
  committee_id: string;
  participant_id: string | null;
  working_group_id: string | null;
  owner_participant_id: string | null;
  label: string;
  locale: string;
  last_fetched_at: Date | null;
  content_version: number;
  content_changed_at: Date;
}

/** What a feed shows its sessions with: the zone it opens in and the parties' zones. */
export interface FeedSettings {
  default_time_zone: string;
  participant_time_zone: string | null;
  party_zones: Array<{ timeZone: string; locale: string; partyId: string }> | null;
  /** The party of the participant the feed is read as, if any: its zone is shown first. */
  reader_party_id: string | null;
}

/**
 * A session the feed shows, as a fingerprint of everything its VEVENT is made of: the row versions
 * (`xmin`, which every committed insert or update of a row renews) of the session and its working
 * group, and of its series and the series' group. The agenda is covered by the session's own row:
 * every agenda write raises the session's version in its transaction (AgendaItemsService), so
 * reading each session's items' versions (four fifths of the query's time) would tell nothing more.
 * Equal fingerprints, equal events; reading versions costs PostgreSQL a fraction of hashing the
 * rows' text.
 */
export interface FeedRowKey {
  id: string;
  seriesId: string | null;
  fingerprint: string;
  seriesFingerprint: string | null;
}

/** A session with what its VEVENT shows, for the sessions whose events are not rendered yet. */
export type FeedSession = Session & {
  workingGroup?: { name: Session['title'] } | null;
  feedAgenda: AgendaItem[];
  feedSeries: (Series & { workingGroup?: { name: Session['title'] } | null }) | null;
};

export interface FeedWindow {
  from: Date;
  to: Date;
  /** Cancelled sessions that ended before this are left out (unless their series is shown). */
  cancelledFrom: Date;
}

const STATE_BY_TOKEN_HASH = `SELECT f.id, f.scope, f.committee_id, f.participant_id, f.working_group_id,
       f.owner_participant_id, f.label, f.locale, f.last_fetched_at, c.content_version, c.content_changed_at
  FROM calendar_feeds f JOIN committees c ON c.id = f.committee_id
 WHERE f.token_hash = $1 AND f.revoked_at IS NULL`;

/** The sessions every feed of a committee may show, before its scope and reader narrow them. */
const FEED_SESSION_CONDITIONS = [
  's.committee_id = :committeeId',
  `s.status <> 'draft'`,
  // A series is written whole (one RRULE), so all its occurrences come once any is in the window.
  `((s.starts_at < :to AND s.ends_at > :from AND (s.status <> 'cancelled' OR s.ends_at > :cancelledFrom))
    OR s.series_id IN (SELECT w.series_id FROM sessions w WHERE w.committee_id = :committeeId
                        AND w.series_id IS NOT NULL AND w.starts_at < :to AND w.ends_at > :from))`,
];

/** The settings come once, as the first row; then one small row per session, in feed order. */
function feedRowsSql(conditions: string[]): string {
  return `
    SELECT 0 AS part, NULL::timestamptz AS starts_at, c.default_time_zone,
           (SELECT p.time_zone FROM participants p WHERE p.id = :participantId) AS participant_time_zone,
           (SELECT p.party_id FROM participants p WHERE p.id = :viewerId) AS reader_party_id,
           (SELECT json_agg(json_build_object('timeZone', pa.time_zone, 'locale', pa.locale, 'partyId', pa.id)
                   ORDER BY pa.created_at, pa.id) FROM parties pa WHERE pa.committee_id = c.id) AS party_zones,
           NULL::uuid AS id, NULL::uuid AS series_id, NULL::text AS fingerprint, NULL::text AS series_fingerprint
      FROM committees c WHERE c.id = :committeeId
    UNION ALL
    SELECT 1, s.starts_at, NULL, NULL, NULL, NULL, s.id, s.series_id,
           md5(s.xmin::text || ':' || coalesce(wg.xmin::text, '')),
           (SELECT se.xmin::text || ':' || coalesce(sg.xmin::text, '') FROM series se
              LEFT JOIN working_groups sg ON sg.id = se.working_group_id
             WHERE se.id = s.series_id)
      FROM sessions s LEFT JOIN working_groups wg ON wg.id = s.working_group_id
     WHERE ${conditions.join(' AND ')}
     ORDER BY part, starts_at, id`;
}

/** A row of feedRowsSql: the settings' columns filled in the first, the session's in the others. */
type FeedRowsRaw = FeedSettings & {
  id: string;
  series_id: string | null;
  fingerprint: string;
  series_fingerprint: string | null;
};

/** The channel the migration's triggers announce on (see 1796019000000-FeedNotifications). */
const FEED_CHANNEL = 'quorum_feeds';

/**
 * What FeedStates sends on its listening connection: a pg client of its own, outside the data
 * source's pool, since a LISTEN holds its connection for as long as it listens.
 */
export const feedListenerQueries = {
  listen: (client: pg.Client) => client.query(`LISTEN ${FEED_CHANNEL}`),
  /** Any statement will do: it only proves that the connection still answers. */
  ping: (client: pg.Client) => client.query('SELECT 1'),
};

/** The feed's queries: one per question the feed service asks. */
@Injectable()
export class FeedsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The participant, working group or committee a new feed would follow; undefined if none. */
  async target(manager: EntityManager, scope: FeedScope, targetId: string): Promise<FeedTarget | undefined> {
    if (scope === 'participant') {
      const participant = await manager.findOneBy(Participant, { id: targetId });
      return participant
        ? {
            committeeId: participant.committeeId,
            participantId: participant.id,
            workingGroupId: null,
            defaultLocale: participant.locale,
          }
        : undefined;
    }
    if (scope === 'working_group') {
      const group = await manager.findOneBy(WorkingGroup, { id: targetId });
      if (!group) return undefined;
      const committee = await manager.findOneByOrFail(Committee, { id: group.committeeId });
      return {
        committeeId: group.committeeId,
        participantId: null,
        workingGroupId: group.id,
        defaultLocale: committee.defaultLocale,
      };
    }
    const committee = await manager.findOneBy(Committee, { id: targetId });
    return committee
      ? {
          committeeId: committee.id,
          participantId: null,
          workingGroupId: null,
          defaultLocale: committee.defaultLocale,
        }
      : undefined;
  }

  async participantLocale(manager: EntityManager, participantId: string): Promise<string | undefined> {
    return (await manager.findOneBy(Participant, { id: participantId }))?.locale;
  }

  isGroupMember(manager: EntityManager, workingGroupId: string, participantId: string): Promise<boolean> {
    return manager.existsBy(WorkingGroupMember, { workingGroupId, participantId });
  }

  insert(manager: EntityManager, feed: Omit<CalendarFeed, 'id' | 'createdAt'>): Promise<CalendarFeed> {
    return manager.save(manager.create(CalendarFeed, feed));
  }

  /** The feeds a caller may list: organizers their committees', delegates their own and those about them. */
  page(principal: Principal, query: FeedListQuery): Promise<Page<CalendarFeed>> {
    const builder = this.dataSource.getRepository(CalendarFeed).createQueryBuilder('feed');
    if (principal.role === 'organizer') {
      builder.where('feed.committee_id = ANY(:ids)', { ids: principal.committeeIds });
    } else if (principal.role === 'delegate') {
      builder.where(
        '(feed.owner_participant_id = :me OR (feed.scope = :participantScope AND feed.participant_id = :me))',
        { me: principal.participantId, participantScope: 'participant' },
      );
    }
    if (query.committeeId)
      builder.andWhere('feed.committee_id = :committeeId', { committeeId: query.committeeId });
    return pageByCreation(builder, 'feed', query);
  }

  byId(id: string): Promise<CalendarFeed | null> {
    return this.dataSource.getRepository(CalendarFeed).findOneBy({ id });
  }

  async markRevoked(feed: CalendarFeed, at: Date): Promise<void> {
    feed.revokedAt = at;
    await this.dataSource.getRepository(CalendarFeed).save(feed);
  }

  /** Unknown and revoked tokens look the same: undefined. */
  async stateByTokenHash(tokenHash: string): Promise<FeedStateRow | undefined> {
    const rows = await this.dataSource.query<FeedStateRow[]>(STATE_BY_TOKEN_HASH, [tokenHash]);
    return rows[0];
  }

  async stampFetch(feedId: string, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE calendar_feeds SET last_fetched_at = $2 WHERE id = $1', [feedId, at]);
  }

  /**
   * The feed's settings and, in feed order, a fingerprint of each session it shows: a small row
   * each, so a render after one change fetches in full only the sessions whose events changed.
   */
  async feedRows(
    feed: FeedStateRow,
    window: FeedWindow,
  ): Promise<{ settings: FeedSettings; rows: FeedRowKey[] }> {
    const viewer = feed.scope === 'participant' ? feed.participant_id : feed.owner_participant_id;
    const visible = viewer ? participantSessionsCondition('s', feed.committee_id, viewer) : undefined;
    const conditions = [
      ...FEED_SESSION_CONDITIONS,
      ...(feed.scope === 'working_group' ? ['s.working_group_id = :workingGroupId'] : []),
      ...(visible ? [visible.condition] : []),
    ];
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(feedRowsSql(conditions), {
      committeeId: feed.committee_id,
      participantId: feed.participant_id,
      viewerId: viewer,
      workingGroupId: feed.working_group_id,
      from: window.from,
      to: window.to,
      cancelledFrom: window.cancelledFrom,
      ...visible?.parameters,
    });
    const [settings, ...sessions] = await this.dataSource.query<FeedRowsRaw[]>(query, parameters);
    return {
      settings,
      rows: sessions.map((row) => ({
        id: row.id,
        seriesId: row.series_id,
        fingerprint: row.fingerprint,
        seriesFingerprint: row.series_fingerprint,
      })),
    };
  }

  /** For one session's download: the committee's parties (the reader's own marked) and language. */
  async downloadSettings(
    committeeId: string,
    readerId: string | null,
  ): Promise<{
    defaultLocale: string;
    parties: Array<{ timeZone: string; locale: string; partyId: string; readsIt: boolean }>;
  }> {
    const [row] = await this.dataSource.query<
      Array<{
        default_locale: string;
        parties: Array<{ timeZone: string; locale: string; partyId: string; readsIt: boolean }> | null;
      }>
    >(
      `SELECT c.default_locale,
              (SELECT json_agg(json_build_object('timeZone', pa.time_zone, 'locale', pa.locale, 'partyId', pa.id,
                      'readsIt', pa.id = (SELECT p.party_id FROM participants p WHERE p.id = $2))
                      ORDER BY pa.created_at, pa.id) FROM parties pa WHERE pa.committee_id = c.id) AS parties
         FROM committees c WHERE c.id = $1`,
      [committeeId, readerId],
    );
    return { defaultLocale: row.default_locale, parties: row.parties ?? [] };
  }

  /** Sessions in full, with their agenda, working group and series, in one query. */
  async feedSessions(ids: readonly string[]): Promise<FeedSession[]> {
    if (ids.length === 0) return [];
    return (await this.dataSource
      .getRepository(Session)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.workingGroup', 'wg')
      .leftJoinAndMapMany('s.feedAgenda', AgendaItem, 'a', 'a.session_id = s.id')
      .leftJoinAndMapOne('s.feedSeries', Series, 'se', 'se.id = s.series_id')
      .leftJoinAndSelect('se.workingGroup', 'sg')
      .where('s.id = ANY(:ids)', { ids })
      .getMany()) as FeedSession[];
  }
}
