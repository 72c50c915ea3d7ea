import nodemailer from 'nodemailer';
import { NoticeWorker } from '../../src/notices/notice-worker.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const SECRET = 'inbound-secret-0123456789';
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

/** What Outlook or Apple Mail sends back when a delegate presses Accept, Decline or Maybe. */
async function replyMail(reply: {
  uid: string;
  sequence: number;
  from: string;
  partstat?: string;
  method?: string;
}) {
  const method = reply.method ?? 'REPLY';
  const calendar = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Mail client//EN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${reply.uid}`,
    `SEQUENCE:${reply.sequence}`,
    'DTSTAMP:20261120T090000Z',
    'DTSTART:20261201T070000Z',
    'ORGANIZER:mailto:secretariat@quorum.test',
    `ATTENDEE;PARTSTAT=${reply.partstat ?? 'ACCEPTED'}:mailto:${reply.from}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  const { message } = await composer.sendMail({
    from: reply.from,
    to: 'secretariat@quorum.test',
    subject: 'Accepted: Plenary session',
    text: 'Accepted',
    icalEvent: { method, content: calendar },
  });
  return message as Buffer;
}

describe('Outbox without SMTP, and replies by e-mail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ inboundMailSecret: SECRET });
  });
  afterAll(async () => {
    await t.close();
  });

  async function publishedWith() {
    const c = await t.ctx.newBilateralCommittee();
    const person = await t.ctx.newParticipant(c.committee.id, c.ru.id, { locale: 'ru' });
    const session = await t.ctx.newSession(c.committee.id);
    await t.ctx.invite(session.id, person.id);
    await t.ctx.publish(session.id);
    while ((await t.app.get(NoticeWorker).runOnce()) > 0);
    const api = (await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200)).body;
    return { ...c, person, session, sequence: api.sequence as number };
  }

  const send = (raw: Buffer, secret = SECRET) =>
    t.http
      .post('/api/v1/inbound-mail')
      .set('Authorization', `Bearer ${secret}`)
      .set('Content-Type', 'message/rfc822')
      .send(raw);

  const rsvpOf = async (sessionId: string, participantId: string) => {
    const list = await t.admin.get(`/api/v1/sessions/${sessionId}/participants`).expect(200);
    return list.body.items.find((item: { participantId: string }) => item.participantId === participantId)
      .rsvp;
  };

  it('keeps what would have gone out, rendered, for admins and the committee’s organizers', async () => {
    const { committee, person, session } = await publishedWith();
    const organizer = await t.ctx.organizerToken(committee.id);
    const stranger = await t.ctx.organizerToken((await t.ctx.newCommittee()).id);
    const listed = await t.as(organizer).get(`/api/v1/outbox?committeeId=${committee.id}`).expect(200);
    const invitation = listed.body.items.find((item: { kind: string }) => item.kind === 'invitation');
    expect(invitation).toMatchObject({
      status: 'held',
      recipient: person.email,
      targetId: session.id,
      subject: 'Приглашение: Пленарное заседание',
    });
    expect(invitation.message).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect((await t.as(stranger).get('/api/v1/outbox').expect(200)).body.items).toEqual([]);
    await t.as(stranger).get(`/api/v1/outbox?committeeId=${committee.id}`).expect(404);
    await t
      .as(await t.ctx.delegateToken(person.id))
      .get('/api/v1/outbox')
      .expect(403);
    const bad = await t.admin.get('/api/v1/outbox?status=lost').expect(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors[0].path).toBe('status');
  });

  it('records an Accept sent back by the delegate’s mail client as the RSVP', async () => {
    const { person, session, sequence } = await publishedWith();
    const answer = await send(await replyMail({ uid: session.id, sequence, from: person.email as string }));
    expect(answer.status).toBe(202);
    expect(await rsvpOf(session.id, person.id)).toBe('accepted');
    await send(
      await replyMail({ uid: session.id, sequence, from: person.email as string, partstat: 'DECLINED' }),
    ).expect(202);
    expect(await rsvpOf(session.id, person.id)).toBe('declined');
  });

  it('refuses each kind of bad reply without a change, answering alike', async () => {
    const { person, session, sequence } = await publishedWith();
    const other = await t.ctx.newBilateralCommittee();
    // A delegate of another committee, so known to Quorum but not invited to this session.
    const outsider = await t.ctx.newParticipant(other.committee.id, other.ru.id);
    const bodies = [];
    for (const raw of [
      await replyMail({ uid: session.id, sequence: sequence - 1, from: person.email as string }),
      await replyMail({ uid: session.id, sequence: sequence + 1, from: person.email as string }),
      await replyMail({
        uid: '8d3c6f9e-0000-4000-8000-000000000000',
        sequence,
        from: person.email as string,
      }),
      await replyMail({ uid: session.id, sequence, from: outsider.email as string }),
      await replyMail({ uid: session.id, sequence, from: person.email as string, method: 'REQUEST' }),
      Buffer.from('From: someone@example.org\r\nSubject: hello\r\n\r\nJust text\r\n'),
    ]) {
      const answer = await send(raw).expect(202);
      bodies.push(answer.body);
    }
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(await rsvpOf(session.id, person.id)).toBe('needs_action');

    const good = await replyMail({ uid: session.id, sequence, from: person.email as string });
    await send(good, 'not-the-inbound-secret').expect(401);
    await t.http.post('/api/v1/inbound-mail').set('Content-Type', 'message/rfc822').send(good).expect(401);
    await t.http
      .post('/api/v1/inbound-mail')
      .set('Authorization', `Bearer ${SECRET}`)
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415);
    expect(await rsvpOf(session.id, person.id)).toBe('needs_action');
  });
});
