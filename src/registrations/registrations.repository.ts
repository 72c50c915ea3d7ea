import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { FeedAgendaItem } from '../calendar-feeds/session-event.js';
import { pageByCreation, type Page, type PageQuery } from '../common/pagination/pagination.js';
import { RegistrationSettings } from './registration-settings.entity.js';
import { Registration, type RegistrationStatus } from './registration.entity.js';

export interface RegistrationCounts {
  pending: number;
  confirmed: number;
  waitlisted: number;
  rejected: number;
  cancelled: number;
}

/** Every question the registration rules ask of the database, one method each. */
@Injectable()
export class RegistrationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The webinar's registration row, locked: seat changes of one webinar happen one at a time. */
  lockSettings(manager: EntityManager, sessionId: string): Promise<RegistrationSettings | null> {
    return manager
      .getRepository(RegistrationSettings)
      .createQueryBuilder('settings')
      .setLock('pessimistic_write')
      .where('settings.session_id = :sessionId', { sessionId })
      .getOne();
  }

  settings(sessionId: string): Promise<RegistrationSettings | null> {
    return this.dataSource.getRepository(RegistrationSettings).findOneBy({ sessionId });
  }

  async counts(manager: EntityManager, sessionId: string): Promise<RegistrationCounts> {
    const rows = await manager.query<Array<{ status: RegistrationStatus; count: number }>>(
      'SELECT status, count(*)::int AS count FROM registrations WHERE session_id = $1 GROUP BY status',
      [sessionId],
    );
    const counts: RegistrationCounts = { pending: 0, confirmed: 0, waitlisted: 0, rejected: 0, cancelled: 0 };
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  byAddress(manager: EntityManager, sessionId: string, emailKey: string): Promise<Registration | null> {
    return manager.findOneBy(Registration, { sessionId, emailKey });
  }

  byToken(token: string): Promise<Registration | null> {
    return this.dataSource.getRepository(Registration).findOneBy({ accessToken: token });
  }

  byId(manager: EntityManager, sessionId: string, id: string): Promise<Registration | null> {
    return manager.findOneBy(Registration, { id, sessionId });
  }

  /** The first `seats` on the waitlist, in the order they arrived. */
  firstWaitlisted(manager: EntityManager, sessionId: string, seats: number): Promise<Registration[]> {
    return manager.find(Registration, {
      where: { sessionId, status: 'waitlisted' },
      order: { queuePosition: 'ASC', id: 'ASC' },
      take: seats,
    });
  }

  /** Hands out the next queue position of the webinar (the caller holds the lock). */
  async nextPosition(manager: EntityManager, sessionId: string): Promise<number> {
    const [row] = await manager.query<Array<{ position: number }>>(
      `WITH taken AS (
         UPDATE registration_settings SET next_position = next_position + 1
          WHERE session_id = $1 RETURNING next_position - 1 AS position)
       SELECT position FROM taken`,
      [sessionId],
    );
    return row.position;
  }

  page(sessionId: string, query: PageQuery & { status?: RegistrationStatus }): Promise<Page<Registration>> {
    const builder = this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.session_id = :sessionId', { sessionId });
    if (query.status) builder.andWhere('r.status = :status', { status: query.status });
    return pageByCreation(builder, 'r', query);
  }

  agenda(sessionId: string): Promise<FeedAgendaItem[]> {
    return this.dataSource.query<FeedAgendaItem[]>(
      `SELECT id, parent_id AS "parentId", position, duration_minutes AS "durationMinutes", title
         FROM agenda_items WHERE session_id = $1`,
      [sessionId],
    );
  }

  /** Every registration still holding personal data, for the export, in the order they came. */
  forExport(sessionId: string): Promise<Registration[]> {
    return this.dataSource
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.session_id = :sessionId', { sessionId })
      .andWhere('r.purged_at IS NULL')
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  /**
   * Erases the personal data of registrations cancelled or rejected more than `days` before
   * `at`, and of those whose address was never confirmed within `days` (they end as cancelled),
   * with the mails kept for them. Returns how many were purged.
   */
  async purge(at: Date, days: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const purged = await manager.query<Array<{ id: string }>>(
        `UPDATE registrations
            SET full_name = NULL, email = NULL, email_key = NULL, organization = NULL, country = NULL,
                access_token = NULL, purged_at = $1, updated_at = now(),
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END
          WHERE purged_at IS NULL
            AND status_changed_at < $1::timestamptz - make_interval(days => $2)
            AND (status IN ('cancelled', 'rejected') OR (status = 'pending' AND address_confirmed_at IS NULL))
          RETURNING id`,
        [at, days],
      );
      const rows = (Array.isArray(purged[0]) ? purged[0] : purged) as Array<{ id: string }>;
      const ids = rows.map((row) => row.id);
      if (ids.length > 0) {
        await manager.query('DELETE FROM notices WHERE registration_id = ANY($1::uuid[])', [ids]);
      }
      return ids.length;
    });
  }
}
