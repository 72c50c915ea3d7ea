import { type EntityManager } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { pageByCreation, type Page, type PageQuery } from '../common/pagination/pagination.js';
import { visibleSessionsCondition } from '../sessions/sessions.repository.js';
import { Session } from '../sessions/session.entity.js';
import { Series } from './series.entity.js';

/** The series table and a series' occurrences and invitations, one named query per question. */

/** A page of the series the principal may list: a delegate's, only those with an occurrence it sees. */
export function visibleSeriesPage(
  manager: EntityManager,
  principal: Principal,
  query: PageQuery & { committeeId?: string },
): Promise<Page<Series>> {
  const builder = manager.getRepository(Series).createQueryBuilder('series');
  if (principal.role === 'organizer')
    builder.where('series.committee_id = ANY(:ids)', { ids: principal.committeeIds });
  if (principal.role === 'delegate') {
    const visible = visibleSessionsCondition('s', principal);
    builder
      .where('series.committee_id = :id', { id: principal.participantCommitteeId })
      .andWhere(
        `EXISTS (SELECT 1 FROM sessions s WHERE s.series_id = series.id AND ${visible.condition})`,
        visible.parameters,
      );
  }
  if (query.committeeId)
    builder.andWhere('series.committee_id = :committeeId', { committeeId: query.committeeId });
  return pageByCreation(builder, 'series', query);
}

/** The series row, locked until the transaction ends. */
export function lockSeriesRow(manager: EntityManager, id: string): Promise<Series | null> {
  return manager.findOne(Series, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** Every occurrence of the series, in start order. */
export function occurrencesOf(manager: EntityManager, seriesId: string): Promise<Session[]> {
  return manager.find(Session, { where: { seriesId }, order: { startsAt: 'ASC', id: 'ASC' } });
}

/** The occurrences of the series the principal may see, in start order. */
export function visibleOccurrencesOf(
  manager: EntityManager,
  principal: Principal,
  seriesId: string,
): Promise<Session[]> {
  const visible = visibleSessionsCondition('s', principal);
  return manager
    .getRepository(Session)
    .createQueryBuilder('s')
    .where('s.series_id = :id', { id: seriesId })
    .andWhere(visible.condition, visible.parameters)
    .orderBy('s.starts_at', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .getMany();
}

/** The occurrences from `from` on (all, without it) that were not edited on their own. */
export function laterOccurrences(
  manager: EntityManager,
  seriesId: string,
  from: string | undefined,
): Promise<Session[]> {
  const query = manager
    .createQueryBuilder(Session, 's')
    .where('s.series_id = :seriesId AND s.detached = false', { seriesId });
  // `recurrence_id` is the local 'YYYY-MM-DDTHH:mm', so it sorts after its own date.
  if (from !== undefined) query.andWhere('s.recurrence_id >= :from', { from });
  return query.orderBy('s.starts_at', 'ASC').getMany();
}

/** The recurrence ids of the occurrences edited on their own. */
export async function detachedRecurrenceIds(manager: EntityManager, seriesId: string): Promise<string[]> {
  const rows = await manager
    .createQueryBuilder(Session, 's')
    .select('s.recurrence_id', 'recurrence_id')
    .where('s.series_id = :id AND s.detached = true', { id: seriesId })
    .getRawMany<{ recurrence_id: string }>();
  return rows.map((row) => row.recurrence_id);
}

/** Deletes the occurrences whose local date, the first 10 characters of `recurrence_id`, is after `lastDate`. */
export async function deleteOccurrencesAfter(
  manager: EntityManager,
  seriesId: string,
  lastDate: string,
): Promise<void> {
  await manager
    .createQueryBuilder()
    .delete()
    .from(Session)
    .where('series_id = :id AND left(recurrence_id, 10) > :last', { id: seriesId, last: lastDate })
    .execute();
}

/** Whether any occurrence of these series has left draft. */
export async function anyPublished(manager: EntityManager, seriesIds: string[]): Promise<boolean> {
  const [{ published }] = await manager.query<Array<{ published: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM sessions WHERE series_id = ANY($1) AND status <> 'draft') AS published`,
    [seriesIds],
  );
  return published;
}

/** Copies the series' invitations to another series. */
export async function copyInvitations(
  manager: EntityManager,
  fromSeriesId: string,
  toSeriesId: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO series_participants (series_id, participant_id, role, attendance)
     SELECT $2, participant_id, role, attendance FROM series_participants WHERE series_id = $1`,
    [fromSeriesId, toSeriesId],
  );
}

/** Takes the participant off the occurrences still to come (past ones keep the record). */
export async function uninviteFromComing(
  manager: EntityManager,
  seriesId: string,
  participantId: string,
): Promise<void> {
  await manager.query(
    `DELETE FROM session_participants v USING sessions s
      WHERE v.session_id = s.id AND s.series_id = $1 AND v.participant_id = $2 AND s.ends_at > now()`,
    [seriesId, participantId],
  );
}

/**
 * Invites to every live occurrence at once; one already invited on its own keeps its
 * invitation. Returns the sessions an invitation was added to.
 */
export async function inviteToOccurrences(
  manager: EntityManager,
  seriesId: string,
  invitations: Array<{ participantId: string; role: string; attendance: string }>,
): Promise<string[]> {
  const invited = await manager.query<Array<{ session_id: string }>>(
    `INSERT INTO session_participants (session_id, participant_id, role, attendance, rsvp)
     SELECT s.id, i.participant_id, i.role, i.attendance, 'needs_action'
       FROM sessions s
       CROSS JOIN unnest($2::uuid[], $3::text[], $4::text[]) AS i(participant_id, role, attendance)
      WHERE s.series_id = $1 AND s.status <> 'cancelled'
     ON CONFLICT (session_id, participant_id) DO NOTHING
     RETURNING session_id`,
    [
      seriesId,
      invitations.map((invitation) => invitation.participantId),
      invitations.map((invitation) => invitation.role),
      invitations.map((invitation) => invitation.attendance),
    ],
  );
  return [...new Set(invited.map((row) => row.session_id))];
}

/** An occurrence with more invitees than room, if any. */
export async function overfullOccurrence(
  manager: EntityManager,
  seriesId: string,
): Promise<{ id: string; capacity: number } | undefined> {
  const [overfull] = await manager.query<Array<{ id: string; capacity: number }>>(
    `SELECT s.id, s.capacity FROM sessions s
      WHERE s.series_id = $1 AND s.capacity IS NOT NULL
        AND (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id) > s.capacity
      LIMIT 1`,
    [seriesId],
  );
  return overfull;
}
