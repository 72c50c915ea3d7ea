import type { EntityManager } from 'typeorm';
import { Party } from '../parties/party.entity.js';
import type { InvitedSession } from './busy-times.js';
import type { PartySchedule } from './working-calendar.js';

/** The committee's parties as working calendars, in the order they were created. */
export async function partySchedules(manager: EntityManager, committeeId: string): Promise<PartySchedule[]> {
  const parties = await manager.find(Party, {
    where: { committeeId },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  return parties.map((party) => ({
    id: party.id,
    code: party.code,
    timeZone: party.timeZone,
    workWeek: party.workWeek,
    workingHours: party.workingHours,
    holidayCountry: party.holidayCountry,
    extraNonWorkingDays: party.extraNonWorkingDays,
    extraWorkingDays: party.extraWorkingDays,
  }));
}

/** The listed participants that belong to the committee, with their party's code. */
export async function committeeParticipants(
  manager: EntityManager,
  committeeId: string,
  participantIds: string[],
): Promise<Array<{ id: string; partyCode: string }>> {
  const rows = await manager.query<Array<{ id: string; party_code: string }>>(
    `SELECT p.id, party.code AS party_code
       FROM participants p JOIN parties party ON party.id = p.party_id
      WHERE p.committee_id = $1 AND p.id = ANY($2::uuid[])`,
    [committeeId, participantIds],
  );
  return rows.map((row) => ({ id: row.id, partyCode: row.party_code }));
}

/**
 * Every invitation of these participants to a session overlapping the window that could keep
 * them busy, in one query however many participants are listed: one row per participant and
 * kind of session and answer, instants as epoch milliseconds (thousands of rows cost more than their arrays).
 */
export async function invitedSessions(
  manager: EntityManager,
  participantIds: string[],
  window: { start: Date; end: Date },
): Promise<InvitedSession[]> {
  const rows = await manager.query<
    Array<{
      participant_id: string;
      status: string;
      attendance: string;
      rsvp: string;
      starts: number[];
      ends: number[];
    }>
  >(
    `SELECT v.participant_id, s.status, v.attendance, v.rsvp,
            array_agg(extract(epoch FROM s.starts_at)::float8 * 1000 ORDER BY s.starts_at, s.id) AS starts,
            array_agg(extract(epoch FROM s.ends_at)::float8 * 1000 ORDER BY s.starts_at, s.id) AS ends
       FROM session_participants v JOIN sessions s ON s.id = v.session_id
      WHERE v.participant_id = ANY($1::uuid[])
        AND v.attendance = 'required' AND v.rsvp <> 'declined' AND s.status <> 'cancelled'
        AND s.starts_at < $3 AND s.ends_at > $2
      GROUP BY v.participant_id, s.status, v.attendance, v.rsvp`,
    [participantIds, window.start, window.end],
  );
  return rows.flatMap((row) =>
    row.starts.map((start, index) => ({
      participantId: row.participant_id,
      start: Number(start),
      end: Number(row.ends[index]),
      status: row.status,
      attendance: row.attendance,
      rsvp: row.rsvp,
    })),
  );
}
