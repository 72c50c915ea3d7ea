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
 * Other non-cancelled sessions that overlap [startsAt, endsAt) and share a required
 * participant (required in both, and not having declined either). `participantIds`
 * narrows the check to those invitees (e.g. the ones being invited now).
 */
export async function findClashes(
  manager: EntityManager,
  session: { id: string; startsAt: Date; endsAt: Date },
  participantIds?: string[],
): Promise<ClashDto[]> {
  const rows = await manager.query<ClashRow[]>(
    `SELECT other.id AS session_id, other.title, other.starts_at, other.ends_at,
            array_agg(DISTINCT mine.participant_id ORDER BY mine.participant_id) AS participant_ids
       FROM session_participants mine
       JOIN session_participants theirs
         ON theirs.participant_id = mine.participant_id AND theirs.session_id <> mine.session_id
       JOIN sessions other ON other.id = theirs.session_id
      WHERE mine.session_id = $1
        AND mine.attendance = 'required' AND mine.rsvp <> 'declined'
        AND theirs.attendance = 'required' AND theirs.rsvp <> 'declined'
        AND other.status <> 'cancelled'
        AND other.starts_at < $3 AND other.ends_at > $2
        AND ($4::uuid[] IS NULL OR mine.participant_id = ANY($4::uuid[]))
      GROUP BY other.id
      ORDER BY other.starts_at, other.id`,
    [session.id, session.startsAt, session.endsAt, participantIds ?? null],
  );
  return rows.map((row) => ({
    sessionId: row.session_id,
    title: row.title,
    startsAt: utcIso(row.starts_at),
    endsAt: utcIso(row.ends_at),
    participantIds: row.participant_ids,
  }));
}
