import { serverUrl } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The clash rule under truly concurrent writes. The embedded database serves one connection,
 * so requests there never overlap; these run where DATABASE_URL names a PostgreSQL server.
 */
const onServer = serverUrl() !== undefined;
if (!onServer) {
  console.log(
    'clash-races: skipped — the embedded database has one connection, so writes cannot race; set DATABASE_URL to run these',
  );
}
const describeOnServer = onServer ? describe : describe.skip;

describeOnServer('Clash checks under concurrent writes', () => {
  const ROUNDS = 6;
  let t: TestApp;
  let committeeId: string;
  let partyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const { committee, ir } = await t.ctx.newBilateralCommittee();
    committeeId = committee.id;
    partyId = ir.id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function publishedSession(start: string): Promise<string> {
    const session = await t.ctx.newSession(committeeId, { start, durationMinutes: 60 });
    await t.ctx.publish(session.id);
    return session.id;
  }

  function invite(sessionId: string, participantId: string) {
    return t.admin
      .post(`/api/v1/sessions/${sessionId}/participants`)
      .send({ invitations: [{ participantId, attendance: 'required' }] });
  }

  /** Required invitations of the participant in overlapping, non-cancelled sessions: the rule says none. */
  async function doubleBookings(participantId: string): Promise<number> {
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count
         FROM session_participants a JOIN sessions sa ON sa.id = a.session_id
         JOIN session_participants b ON b.participant_id = a.participant_id AND b.session_id > a.session_id
         JOIN sessions sb ON sb.id = b.session_id
        WHERE a.participant_id = $1 AND a.attendance = 'required' AND b.attendance = 'required'
          AND sa.status <> 'cancelled' AND sb.status <> 'cancelled'
          AND sa.starts_at < sb.ends_at AND sb.starts_at < sa.ends_at`,
      [participantId],
    );
    return count;
  }

  it('lets only one of two simultaneous required invitations into overlapping sessions through', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const participant = await t.ctx.newParticipant(committeeId, partyId);
      const day = `2027-02-${String(round + 1).padStart(2, '0')}`;
      const first = await publishedSession(`${day}T10:00`);
      const second = await publishedSession(`${day}T10:30`);
      const answers = await Promise.all([invite(first, participant.id), invite(second, participant.id)]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
      expect(answers.find((answer) => answer.status === 409)!.body.type).toMatch(/schedule-conflict$/);
      expect(await doubleBookings(participant.id)).toBe(0);
    }
  });

  it('lets only one of two simultaneous reschedules onto the same hour through', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const participant = await t.ctx.newParticipant(committeeId, partyId);
      const day = `2027-03-${String(round + 1).padStart(2, '0')}`;
      const morning = await publishedSession(`${day}T09:00`);
      const afternoon = await publishedSession(`${day}T15:00`);
      await t.ctx.invite(morning, participant.id);
      await t.ctx.invite(afternoon, participant.id);
      const answers = await Promise.all(
        [morning, afternoon].map((id) =>
          t.admin.patch(`/api/v1/sessions/${id}`).send({ start: `${day}T12:00`, durationMinutes: 60 }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(await doubleBookings(participant.id)).toBe(0);
    }
  });

  it('lets only one through when an optional invitation turns required as an overlapping one arrives', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const participant = await t.ctx.newParticipant(committeeId, partyId);
      const day = `2027-04-${String(round + 1).padStart(2, '0')}`;
      const first = await publishedSession(`${day}T10:00`);
      const second = await publishedSession(`${day}T10:30`);
      await t.ctx.invite(first, participant.id, { attendance: 'optional' });
      const answers = await Promise.all([
        t.admin
          .patch(`/api/v1/sessions/${first}/participants/${participant.id}`)
          .send({ attendance: 'required' }),
        invite(second, participant.id),
      ]);
      expect(answers.filter((answer) => answer.status === 409)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 200 || answer.status === 201)).toHaveLength(1);
      expect(await doubleBookings(participant.id)).toBe(0);
    }
  });

  it('refuses taking back a decline that would double-book, even when it races an invitation', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const participant = await t.ctx.newParticipant(committeeId, partyId);
      const day = `2027-05-${String(round + 1).padStart(2, '0')}`;
      const first = await publishedSession(`${day}T10:00`);
      const second = await publishedSession(`${day}T10:30`);
      await t.ctx.invite(first, participant.id);
      await t.admin
        .put(`/api/v1/sessions/${first}/participants/${participant.id}/rsvp`)
        .send({ rsvp: 'declined' })
        .expect(200);
      const answers = await Promise.all([
        t.admin
          .put(`/api/v1/sessions/${first}/participants/${participant.id}/rsvp`)
          .send({ rsvp: 'accepted' }),
        invite(second, participant.id),
      ]);
      expect(answers.filter((answer) => answer.status === 409)).toHaveLength(1);
      expect(answers.filter((answer) => answer.status === 200 || answer.status === 201)).toHaveLength(1);
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM session_participants a JOIN session_participants b
            ON a.participant_id = b.participant_id AND a.session_id = $2 AND b.session_id = $3
         WHERE a.participant_id = $1 AND a.rsvp <> 'declined'`,
        [participant.id, first, second],
      );
      expect(count).toBe(0);
    }
  });
});
