import ICAL from 'ical.js';
import { NoticeWorker } from '../../src/notices/notice-worker.service.js';
import { parseCalendar } from '../support/ical.js';
import { calendarPart, icsAttachment, SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Invitations, updates and cancellations delivered to a real SMTP server, read back as a mail client would. */
describe('Notices by e-mail', () => {
  let t: TestApp;
  const sink = new SmtpSink();
  let worker: NoticeWorker;

  beforeAll(async () => {
    await sink.start();
    t = await startTestApp({ smtpUrl: sink.url });
    worker = t.app.get(NoticeWorker);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  async function delegates() {
    const c = await t.ctx.newBilateralCommittee({ organizerEmail: 'secretariat@jec.example.org' });
    const iranian = await t.ctx.newParticipant(c.committee.id, c.ir.id, {
      fullName: { fa: 'مریم احمدی', en: 'Maryam Ahmadi' },
      locale: 'fa',
    });
    const russian = await t.ctx.newParticipant(c.committee.id, c.ru.id, {
      fullName: { ru: 'Иван Петров', en: 'Ivan Petrov' },
      locale: 'ru',
    });
    return { ...c, iranian, russian };
  }

  /** Runs the worker until nothing is due, as a deployed worker would over time. */
  async function deliver(at?: Date): Promise<void> {
    while ((await worker.runOnce(at)) > 0);
  }

  function calendarOf(raw: string) {
    return new ICAL.Component(ICAL.parse(raw));
  }

  it('invites, updates and cancels each delegate in their own language, read correctly by ical.js', async () => {
    const c = await delegates();
    const session = await t.ctx.newSession(c.committee.id, {
      format: 'hybrid',
      onlineMeeting: { joinUrl: 'https://meet.example.org/jec', accessCode: '4471' },
      location: { en: 'Kazan', ru: 'Казань', fa: 'کازان' },
    });
    await t.admin
      .post(`/api/v1/sessions/${session.id}/agenda-items`)
      .send({
        title: { en: 'Opening', ru: 'Открытие', fa: 'افتتاحیه' },
        kind: 'opening',
        durationMinutes: 15,
      })
      .expect(201);
    await t.ctx.invite(session.id, c.iranian.id);
    await t.ctx.invite(session.id, c.russian.id);
    await deliver();
    expect(sink.received).toHaveLength(0); // drafts never notify

    await t.ctx.publish(session.id);
    await deliver();
    const [invitationFa] = await sink.to(c.iranian.email as string);
    const [invitationRu] = await sink.to(c.russian.email as string);
    expect(invitationFa.subject).toBe('دعوت‌نامه: نشست عمومی');
    expect(invitationRu.subject).toBe('Приглашение: Пленарное заседание');
    expect(invitationFa.html).toContain('dir="rtl"');
    // Tehran first for the Iranian delegate (Solar Hijri, Persian digits), then Moscow.
    expect(invitationFa.text).toContain('سه‌شنبه، ۱۰ آذر ۱۴۰۵، ۱۰:۳۰–۱۲:۳۰ (تهران)');
    expect(invitationFa.text!.indexOf('(تهران)')).toBeLessThan(invitationFa.text!.indexOf('(مسکو)'));
    expect(invitationRu.text).toContain('вторник, 1 декабря 2026 г., 10:00–12:00 (Москва)');
    expect(invitationRu.text).toContain('https://meet.example.org/jec');
    expect(invitationRu.text).toContain('1. Открытие');
    expect(invitationRu.replyTo?.text).toBe('secretariat@jec.example.org');
    expect(invitationRu.messageId).toMatch(/^<notice-[0-9a-f-]+@quorum\.test>$/);

    const api = (await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200)).body;
    for (const [mail, self, other] of [
      [invitationFa, c.iranian, c.russian],
      [invitationRu, c.russian, c.iranian],
    ] as const) {
      expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      expect(mail.raw).not.toContain(other.email as string);
      const text = calendarPart(mail);
      expect(icsAttachment(mail)).toBe(text);
      const calendar = calendarOf(text);
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const [event] = parseCalendar(text).events;
      expect(event.uid).toBe(session.id);
      expect(event.sequence).toBe(api.sequence);
      expect(event.start).toBe(new Date(api.startsAt).toISOString());
      expect(event.end).toBe(new Date(api.endsAt).toISOString());
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      const attendees = vevent.getAllProperties('attendee');
      expect(attendees).toHaveLength(1);
      expect(attendees[0].getFirstValue()).toBe(`mailto:${self.email as string}`);
      expect(attendees[0].getParameter('rsvp')).toBe('TRUE');
      expect(attendees[0].getParameter('partstat')).toBe('NEEDS-ACTION');
      expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:secretariat@jec.example.org');
    }

    await t.admin.patch(`/api/v1/sessions/${session.id}`).send({ start: '2026-12-01T11:00' }).expect(200);
    await deliver();
    const updatesRu = await sink.to(c.russian.email as string);
    expect(updatesRu).toHaveLength(2);
    const updateRu = updatesRu[1];
    expect(updateRu.subject).toBe('Изменено: Пленарное заседание');
    expect(updateRu.text).toContain(
      'вторник, 1 декабря 2026 г., 10:00–12:00 (Москва) → вторник, 1 декабря 2026 г., 11:00–13:00 (Москва)',
    );
    const moved = (await t.admin.get(`/api/v1/sessions/${session.id}`).expect(200)).body;
    const [updated] = parseCalendar(calendarPart(updateRu)).events;
    expect(updated.sequence).toBe(moved.sequence);
    expect(updated.sequence).toBeGreaterThan(api.sequence);
    expect(updated.start).toBe(new Date(moved.startsAt).toISOString());

    await t.admin
      .post(`/api/v1/sessions/${session.id}/cancel`)
      .send({ reason: 'Visit postponed' })
      .expect(200);
    await deliver();
    const allFa = await sink.to(c.iranian.email as string);
    expect(allFa.map((mail) => mail.subject)).toEqual([
      'دعوت‌نامه: نشست عمومی',
      'به‌روزرسانی: نشست عمومی',
      'لغو شد: نشست عمومی',
    ]);
    const cancellation = allFa[2];
    expect(cancellation.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    expect(calendarOf(calendarPart(cancellation)).getFirstPropertyValue('method')).toBe('CANCEL');
    const [cancelled] = parseCalendar(calendarPart(cancellation)).events;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBe(moved.sequence + 1);
  });

  it('sends an invitation to someone added to a published session, and a withdrawal to that person alone', async () => {
    const c = await delegates();
    const session = await t.ctx.newSession(c.committee.id);
    await t.ctx.invite(session.id, c.russian.id);
    await t.ctx.publish(session.id);
    await deliver();
    await t.ctx.invite(session.id, c.iranian.id);
    await deliver();
    expect((await sink.to(c.iranian.email as string)).map((mail) => mail.subject)).toEqual([
      'دعوت‌نامه: نشست عمومی',
    ]);
    await t.admin.delete(`/api/v1/sessions/${session.id}/participants/${c.iranian.id}`).expect(204);
    await deliver();
    const toIranian = await sink.to(c.iranian.email as string);
    expect(toIranian.map((mail) => mail.subject)).toEqual([
      'دعوت‌نامه: نشست عمومی',
      'دعوت پس گرفته شد: نشست عمومی',
    ]);
    expect(calendarOf(calendarPart(toIranian[1])).getFirstPropertyValue('method')).toBe('CANCEL');
    expect(await sink.to(c.russian.email as string)).toHaveLength(1);
  });
});
