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
