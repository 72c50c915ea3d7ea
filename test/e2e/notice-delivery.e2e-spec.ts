import { NoticeWorker } from '../../src/notices/notice-worker.service.js';
import { MAX_ATTEMPTS } from '../../src/notices/retry.js';
import { expandCalendar, parseCalendar } from '../support/ical.js';
import { calendarPart, SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const HOUR_MS = 3_600_000;

/** Coalescing, retries and crashes: every notice is delivered, none twice. */
describe('Notice delivery', () => {
  let t: TestApp;
  const sink = new SmtpSink();
  let worker: NoticeWorker;

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ smtpUrl: sink.url, noticeDelaySeconds: 60 });
    worker = t.app.get(NoticeWorker);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  async function publishedFor(count: number) {
    const c = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(c.committee.id);
    const people = [];
    for (let index = 0; index < count; index++) {
      const person = await t.ctx.newParticipant(c.committee.id, c.ru.id, { locale: 'en' });
      await t.ctx.invite(session.id, person.id);
      people.push(person);
    }
    await t.ctx.publish(session.id);
    return { ...c, session, people };
  }

  /** The worker as it runs later: at `hoursAhead` from now, until nothing is due. */
  async function deliverAt(hoursAhead: number): Promise<void> {
    const at = new Date(Date.now() + hoursAhead * HOUR_MS);
    while ((await worker.runOnce(at)) > 0);
  }

  const statuses = async (sessionId: string) =>
    (
      await t.db.query<Array<{ kind: string; status: string }>>(
        `SELECT kind, status FROM notices WHERE target_id = $1 AND kind <> 'reminder' ORDER BY created_at, kind`,
        [sessionId],
      )
    ).map((row) => `${row.kind}:${row.status}`);

  it('waits NOTICE_DELAY_SECONDS and sends one invitation with the final state of three quick edits', async () => {
    const { session, people } = await publishedFor(1);
    for (const start of ['2026-12-01T11:00', '2026-12-01T12:00', '2026-12-01T13:00']) {
      await t.admin.patch(`/api/v1/sessions/${session.id}`).send({ start }).expect(200);
    }
    await deliverAt(0);
    expect(await sink.to(people[0].email as string)).toHaveLength(0);
    await deliverAt(0.02); // 72 seconds later
    const mails = await sink.to(people[0].email as string);
    expect(mails.map((mail) => mail.subject)).toEqual(['Invitation: Plenary session']);
    const api = (await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200)).body;
    const [event] = parseCalendar(calendarPart(mails[0])).events;
    expect(event.start).toBe(new Date(api.startsAt).toISOString());
    expect(event.sequence).toBe(api.sequence);

    // Edits after it went out coalesce into one update telling the change from the sent time.
    await t.admin.patch(`/api/v1/sessions/${session.id}`).send({ start: '2026-12-01T14:00' }).expect(200);
    await t.admin.patch(`/api/v1/sessions/${session.id}`).send({ start: '2026-12-01T15:00' }).expect(200);
    await deliverAt(0.05);
    const after = await sink.to(people[0].email as string);
    expect(after.map((mail) => mail.subject)).toEqual([
      'Invitation: Plenary session',
      'Updated: Plenary session',
    ]);
    expect(after[1].text).toContain('13:00–15:00 (Moscow) → Tuesday, 1 December 2026, 15:00–17:00 (Moscow)');
  });

  it('sends nothing at all for an invitation withdrawn before it went out', async () => {
    const { session, people } = await publishedFor(1);
    await t.admin.delete(`/api/v1/sessions/${session.id}/participants/${people[0].id}`).expect(204);
    await deliverAt(0.05);
    expect(await sink.to(people[0].email as string)).toHaveLength(0);
  });

  it('retries while the SMTP server is down and delivers once when it is back', async () => {
    const { session, people } = await publishedFor(2);
    await sink.stop();
    await deliverAt(0.02);
    const [waiting] = await t.db.query<Array<{ status: string; attempts: number; last_error: string }>>(
      `SELECT status, attempts, last_error FROM notices WHERE target_id = $1 AND kind = 'invitation' LIMIT 1`,
      [session.id],
    );
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(1);
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/i);
    await sink.start();
    await deliverAt(0.2);
    await deliverAt(3);
    for (const person of people) expect(await sink.to(person.email as string)).toHaveLength(1);
    expect(await statuses(session.id)).toEqual(['invitation:sent', 'invitation:sent']);
  });

  it('keeps a notice as failed with the error once the retries are used up', async () => {
    const { session } = await publishedFor(1);
    await sink.stop();
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS + 1; attempt++) await deliverAt(0.02 + attempt * 7);
    } finally {
      await sink.start();
    }
    const outbox = await t.admin.get(`/api/v1/outbox?status=failed`).expect(200);
    const failed = outbox.body.items.filter((item: { targetId: string }) => item.targetId === session.id);
    expect(failed).toHaveLength(1);
    expect(failed[0].attempts).toBe(MAX_ATTEMPTS);
    expect(failed[0].lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it('loses nothing when a worker dies after claiming a batch, and another takes it over', async () => {
    const { session, people } = await publishedFor(3);
    const at = new Date(Date.now() + 0.02 * HOUR_MS);
    const claimed = await worker.claim(at);
    expect(claimed.map((notice) => notice.targetId)).toContain(session.id);
    // That worker is gone. Another finds the claim still held, then takes it after the lease.
    expect(await worker.runOnce(at)).toBe(0);
    await deliverAt(1);
    for (const person of people) expect(await sink.to(person.email as string)).toHaveLength(1);
    expect(await statuses(session.id)).toEqual(['invitation:sent', 'invitation:sent', 'invitation:sent']);
  });

  it('lets workers run side by side: each takes its own notices, and every message goes out once', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const session = await t.ctx.newSession(c.committee.id);
    const people = [];
    for (let index = 0; index < 55; index++) {
      people.push(await t.ctx.newParticipant(c.committee.id, c.ir.id, { locale: 'fa' }));
    }
    await t.admin
      .post(`/api/v1/sessions/${session.id}/participants?allowConflicts=true`)
      .send({ invitations: people.map((person) => ({ participantId: person.id })) })
      .expect(201);
    await t.ctx.publish(session.id);
    const at = new Date(Date.now() + 0.02 * HOUR_MS);
    const [first, second] = await Promise.all([worker.claim(at), worker.claim(at)]);
    const firstIds = new Set(first.map((notice) => notice.id));
    expect(second.some((notice) => firstIds.has(notice.id))).toBe(false);
    await deliverAt(1);
    for (const person of people) expect(await sink.to(person.email as string)).toHaveLength(1);
  });

  it('reminds each invitee reminderHours before the start, in plain mail', async () => {
    const c = await t.ctx.newBilateralCommittee({ reminderHours: 48 });
    const person = await t.ctx.newParticipant(c.committee.id, c.ru.id, { locale: 'ru' });
    const session = await t.ctx.newSession(c.committee.id, { start: '2027-01-12T10:00' });
    await t.ctx.invite(session.id, person.id);
    await t.ctx.publish(session.id);
    const startsAt = Date.parse('2027-01-12T07:00:00Z');
    await deliverAt((startsAt - Date.now()) / HOUR_MS - 49);
    expect((await sink.to(person.email as string)).map((mail) => mail.subject)).toEqual([
      'Приглашение: Пленарное заседание',
    ]);
    await deliverAt((startsAt - Date.now()) / HOUR_MS - 47.9);
    const mails = await sink.to(person.email as string);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Приглашение: Пленарное заседание',
      'Напоминание: Пленарное заседание',
    ]);
    expect(mails[1].attachments).toEqual([]);
    expect(mails[1].text).toContain('вторник, 12 января 2027 г., 10:00–12:00 (Москва)');
  });

  it('invites to a series with one REQUEST carrying the RRULE, and updates one occurrence by RECURRENCE-ID', async () => {
    const c = await t.ctx.newBilateralCommittee();
    const person = await t.ctx.newParticipant(c.committee.id, c.ir.id, { locale: 'en' });
    const created = await t.admin
      .post('/api/v1/series')
      .send({
        committeeId: c.committee.id,
        title: { en: 'Industry call' },
        kind: 'working_group',
        format: 'online',
        onlineMeeting: { joinUrl: 'https://meet.example.org/industry' },
        timeZone: 'Europe/Moscow',
        startDate: '2027-03-02',
        startTime: '10:00',
        durationMinutes: 60,
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
        publish: true,
      })
      .expect(201);
    await t.admin
      .post(`/api/v1/series/${created.body.id}/participants`)
      .send({ invitations: [{ participantId: person.id }] })
      .expect(201);
    await deliverAt(0.02);
    const [invitation] = await sink.to(person.email as string);
    const text = calendarPart(invitation);
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4');
    const series = (await t.admin.get(`/api/v1/series/${created.body.id}`).expect(200)).body;
    const occurrences = series.occurrences as Array<{ id: string; startsAt: string }>;
    expect(expandCalendar(text).map((instance) => instance.start)).toEqual(
      occurrences.map((occurrence) => new Date(occurrence.startsAt).toISOString()),
    );

    await t.admin
      .patch(`/api/v1/sessions/${occurrences[1].id}`)
      .send({ start: '2027-03-09T12:00' })
      .expect(200);
    await deliverAt(0.05);
    const mails = await sink.to(person.email as string);
    expect(mails).toHaveLength(2);
    const [override] = parseCalendar(calendarPart(mails[1])).events;
    const moved = (await t.admin.get(`/api/v1/sessions/${occurrences[1].id}`).expect(200)).body;
    expect(override.uid).toBe(created.body.id);
    expect(override.recurrenceId).toBe(new Date(occurrences[1].startsAt).toISOString());
    expect(override.start).toBe(new Date(moved.startsAt).toISOString());
  });
});
