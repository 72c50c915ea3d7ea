/**
 * The slot-search benchmark's data: a committee of two parties (IR, RU) with `perParty`
 * participants each, every one required in `sessionsEach` sessions of an hour inside the
 * searched range (one in ten a draft), and the search body over that range.
 */
export async function slotSearchCommittee(db, createCommittee, { perParty, sessionsEach, days }) {
  const committeeId = await createCommittee(db, {
    slug: 'bench-slot-search',
    participants: perParty * 2,
    groups: 1,
  });
  const firstDay = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const lastDay = new Date(Date.parse(`${firstDay}T00:00:00Z`) + (days - 1) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  // Session k of participant n: spread over the range, at one of eight hours from 05:00Z (08:00 Moscow).
  await db.query(
    `WITH people AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM participants WHERE committee_id = $1),
          planned AS (
            SELECT p.id AS participant_id, k,
                   CAST($2 AS date) + (k * $4 / $3) * interval '1 day' + interval '5 hours' + ((p.n + k) % 8) * interval '1 hour' AS starts_at
              FROM people p CROSS JOIN generate_series(0, $3 - 1) k),
          created AS (
            INSERT INTO sessions (committee_id, title, kind, format, status, time_zone, starts_at, ends_at, sequence, version)
            SELECT $1, jsonb_build_object('en', 'Busy ' || k), 'other', 'online',
                   CASE WHEN k % 10 = 0 THEN 'draft' ELSE 'scheduled' END, 'Europe/Moscow',
                   starts_at, starts_at + interval '1 hour', 0, 1
              FROM planned ORDER BY participant_id, k
            RETURNING id, starts_at)
     INSERT INTO session_participants (session_id, participant_id, role, attendance, rsvp)
     SELECT c.id, pl.participant_id, 'attendee', 'required', 'accepted'
       FROM (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS r FROM created) c
       JOIN (SELECT participant_id, row_number() OVER (ORDER BY starts_at, participant_id, k) AS r FROM planned) pl
         ON pl.r = c.r`,
    [committeeId, firstDay, sessionsEach, days],
  );
  const people = await db.query('SELECT id FROM participants WHERE committee_id = $1 ORDER BY email', [
    committeeId,
  ]);
  const body = {
    durationMinutes: 60,
    from: firstDay,
    to: lastDay,
    participantIds: people.map((row) => row.id),
    minPerParty: { IR: Math.ceil(perParty / 2), RU: Math.ceil(perParty / 2) },
    timeZone: 'Europe/Moscow',
    limit: 10,
  };
  return { committeeId, body };
}
