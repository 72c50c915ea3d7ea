import type { EntityManager } from 'typeorm';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { utcIso } from '../common/time/zoned-time.js';
import type { ClashDto } from './dto/session-output.dto.js';

interface ClashRow {
  session_id: string;
  title: LocalizedText;
  starts_at: Date;
  ends_at: Date;
  participant_ids: string[];
}

/** Namespace of the per-participant advisory locks (the two-key form; other locks use one key). */
const PARTICIPANT_LOCK_SPACE = 7421;

/**
 * Takes a transaction-level advisory lock on every participant of `sessionIds` (or on
 * `participantIds` alone), in participant id order so that two writers never wait on each
 * other in a cycle. Every write that can create a clash takes these before it looks for
 * clashes, so two concurrent writes for one participant are checked one after the other,
 * the second seeing the first's committed rows. Released at commit or rollback.
 */
export async function lockParticipants(
  manager: EntityManager,
  sessionIds: string[],
  participantIds?: string[],
): Promise<void> {
  await manager.query(
    `SELECT count(pg_advisory_xact_lock(${PARTICIPANT_LOCK_SPACE}, hashtext(ids.participant_id::text)))
       FROM (SELECT participant_id FROM session_participants
              WHERE session_id = ANY($1::uuid[])
                AND ($2::uuid[] IS NULL OR participant_id = ANY($2::uuid[]))
             UNION
             SELECT unnest($2::uuid[])
             ORDER BY 1) ids`,
    [sessionIds, participantIds ?? null],
  );
}

/**
 * Non-cancelled sessions that overlap any of `sessionIds` and share a required participant
 * with it (required in both, and not having declined either), found in one query however
 * many sessions are checked (a whole series at once). `participantIds` narrows the check
 * to those invitees (e.g. the ones being invited now).
 */
export async function findClashes(
  manager: EntityManager,
  sessionIds: string[],
  participantIds?: string[],
): Promise<ClashDto[]> {
  if (sessionIds.length === 0) return [];
  const rows = await manager.query<ClashRow[]>(
    `SELECT other.id AS session_id, other.title, other.starts_at, other.ends_at,
            array_agg(DISTINCT mine.participant_id ORDER BY mine.participant_id) AS participant_ids
       FROM session_participants mine
       JOIN sessions me ON me.id = mine.session_id
       JOIN session_participants theirs
         ON theirs.participant_id = mine.participant_id AND theirs.session_id <> mine.session_id
       JOIN sessions other ON other.id = theirs.session_id
      WHERE mine.session_id = ANY($1::uuid[])
        AND me.status <> 'cancelled'
        AND mine.attendance = 'required' AND mine.rsvp <> 'declined'
        AND theirs.attendance = 'required' AND theirs.rsvp <> 'declined'
        AND other.status <> 'cancelled'
        AND other.starts_at < me.ends_at AND other.ends_at > me.starts_at
        AND ($2::uuid[] IS NULL OR mine.participant_id = ANY($2::uuid[]))
      GROUP BY other.id
      ORDER BY other.starts_at, other.id`,
    [sessionIds, participantIds ?? null],
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    title: row.title,
    startsAt: utcIso(row.starts_at),
    endsAt: utcIso(row.ends_at),
    participantIds: row.participant_ids,
  }));
}
