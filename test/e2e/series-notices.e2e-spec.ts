import ICAL from 'ical.js';
import { expandCalendar, parseCalendar } from '../support/ical.js';
import { useMailApp } from '../support/mail-app.js';
import { calendarPart, type SmtpSink } from '../support/smtp-sink.js';
import type { TestApp } from '../support/test-app.js';

interface Occurrence {
  id: string;
  startsAt: string;
  status: string;
}

/** Series by e-mail: one REQUEST with the rule for the series, RECURRENCE-ID for one occurrence. */
describe('Series notices', () => {
  const mailApp = useMailApp({ noticeDelaySeconds: 60 });
  let t: TestApp;
  let sink: SmtpSink;
  beforeAll(() => ({ t, sink } = mailApp));

  /** The worker a few minutes from now, once the coalescing delay has passed. */
  const deliver = () => mailApp.deliver(new Date(Date.now() + 180_000));
  const calendarOf = (text: string) => new ICAL.Component(ICAL.parse(text));
  const isoList = (occurrences: Occurrence[]) =>
    occurrences
      .filter((occurrence) => occurrence.status === 'scheduled')
      .map((occurrence) => new Date(occurrence.startsAt).toISOString());
  const getSeries = async (id: string) =>
    (await t.admin.get(`/api/v1/series/${id}`).expect(200)).body as {
      id: string;
      occurrences: Occurrence[];
    };

  /** A weekly Moscow series with two invitees (one Persian, one Russian reader), as a draft. */
  async function draftSeries() {
    const c = await t.ctx.newBilateralCommittee();
    const iranian = (await t.ctx.newParticipant(c.committee.id, c.ir.id, { locale: 'fa' })) as {
      id: string;
      email: string;
    };
    const russian = (await t.ctx.newParticipant(c.committee.id, c.ru.id, { locale: 'ru' })) as {
      id: string;
      email: string;
    };
    const created = await t.admin
      .post('/api/v1/series')
      .send({
        committeeId: c.committee.id,
        title: { en: 'Customs call', ru: 'Таможенный созвон', fa: 'تماس گمرکی' },
        kind: 'working_group',
        format: 'online',
        onlineMeeting: { joinUrl: 'https://meet.example.org/customs' },
        timeZone: 'Europe/Moscow',
        startDate: '2027-03-02',
        startTime: '10:00',
        durationMinutes: 60,
        rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
      })
      .expect(201);
    await t.admin
      .post(`/api/v1/series/${created.body.id as string}/participants`)
      .send({ invitations: [{ participantId: iranian.id }, { participantId: russian.id }] })
      .expect(201);
    return { seriesId: created.body.id as string, iranian, russian };
  }

  it('publishing sends each invitee one invitation whose RRULE expands to the API’s occurrences', async () => {
    const { seriesId, iranian, russian } = await draftSeries();
    await deliver();
    expect(await sink.to(russian.email)).toEqual([]); // drafts never notify
    await t.admin.post(`/api/v1/series/${seriesId}/publish`).expect(200);
    await deliver();
    const api = await getSeries(seriesId);
    for (const [person, subject] of [
      [russian, 'Приглашение: Таможенный созвон'],
      [iranian, 'دعوت‌نامه: تماس گمرکی'],
    ] as const) {
      const mails = await sink.to(person.email);
      expect(mails.map((mail) => mail.subject)).toEqual([subject]);
      const text = calendarPart(mails[0]);
      expect(calendarOf(text).getFirstPropertyValue('method')).toBe('REQUEST');
      expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6');
      expect(expandCalendar(text).map((instance) => instance.start)).toEqual(isoList(api.occurrences));
      const master = calendarOf(text)
        .getAllSubcomponents('vevent')
        .find((vevent) => !vevent.hasProperty('recurrence-id'))!;
      expect(master.getFirstPropertyValue('uid')).toBe(seriesId);
      expect(master.getFirstPropertyValue('url')).toBe(
        `https://quorum.test/sessions/${api.occurrences[0].id}`,
      );
    }
  });

  it('an edit of the whole series sends one update with the rule and the occurrence overrides, not one per occurrence', async () => {
    const { seriesId, russian } = await draftSeries();
    await t.admin.post(`/api/v1/series/${seriesId}/publish`).expect(200);
    await deliver();
    const before = await getSeries(seriesId);
    // One occurrence moved on its own: an update of that instance alone, by RECURRENCE-ID.
    await t.admin
      .patch(`/api/v1/sessions/${before.occurrences[2].id}`)
      .send({ start: '2027-03-16T12:00' })
      .expect(200);
    await deliver();
    const [, occurrenceUpdate] = await sink.to(russian.email);
    expect(occurrenceUpdate.subject).toBe('Изменено: Таможенный созвон');
    const [override] = parseCalendar(calendarPart(occurrenceUpdate)).events;
    expect(override.uid).toBe(seriesId);
    expect(override.recurrenceId).toBe(new Date(before.occurrences[2].startsAt).toISOString());
    expect(override.start).toBe('2027-03-16T09:00:00.000Z');

    await t.admin
      .patch(`/api/v1/series/${seriesId}`)
      .send({ title: { en: 'Customs and trade call', ru: 'Созвон по таможне и торговле' } })
      .expect(200);
    await deliver();
    const mails = await sink.to(russian.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Приглашение: Таможенный созвон',
      'Изменено: Таможенный созвон',
      'Изменено: Созвон по таможне и торговле',
    ]);
    const text = calendarPart(mails[2]);
    const { events } = parseCalendar(text);
    expect(events.find((event) => event.recurrenceId === null)!.summary).toBe('Созвон по таможне и торговле');
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6');
    const api = await getSeries(seriesId);
    expect(expandCalendar(text).map((instance) => instance.start)).toEqual(isoList(api.occurrences));
    expect(expandCalendar(text)).toContainEqual(
      expect.objectContaining({ start: '2027-03-16T09:00:00.000Z' }),
    );
    expect(events.find((event) => event.recurrenceId !== null)!.sequence).toBeGreaterThanOrEqual(
      events.find((event) => event.recurrenceId === null)!.sequence,
    );
  });

  it('editing the times from a date updates the old series and invites to the one that carries on', async () => {
    const { seriesId, iranian } = await draftSeries();
    await t.admin.post(`/api/v1/series/${seriesId}/publish`).expect(200);
    await deliver();
    const split = await t.admin
      .patch(`/api/v1/series/${seriesId}`)
      .send({ from: '2027-03-23', startTime: '11:30' })
      .expect(200);
    const continuedBy = split.body.continuedBy as string;
    expect(continuedBy).not.toBe(seriesId);
    await deliver();
    const [, ...mails] = await sink.to(iranian.email);
    // Both go out in one round, in either order.
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      'به‌روزرسانی: تماس گمرکی',
      'دعوت‌نامه: تماس گمرکی',
    ]);
    const update = mails.find((mail) => mail.subject === 'به‌روزرسانی: تماس گمرکی')!;
    const invitation = mails.find((mail) => mail.subject === 'دعوت‌نامه: تماس گمرکی')!;
    const old = await getSeries(seriesId);
    const next = await getSeries(continuedBy);
    const oldText = calendarPart(update);
    const nextText = calendarPart(invitation);
    expect(parseCalendar(oldText).events[0].uid).toBe(seriesId);
    expect(parseCalendar(nextText).events[0].uid).toBe(continuedBy);
    expect(expandCalendar(oldText).map((instance) => instance.start)).toEqual(isoList(old.occurrences));
    expect(expandCalendar(nextText).map((instance) => instance.start)).toEqual(isoList(next.occurrences));
    expect(isoList(next.occurrences)[0]).toBe('2027-03-23T08:30:00.000Z');
    expect(invitation.text).toContain('صفحهٔ شما برای این نشست');
    expect(invitation.text).toContain(`next=%2Fsessions%2F${next.occurrences[0].id}`);
  });

  it('cancelling one occurrence sends a CANCEL of that instance alone', async () => {
    const { seriesId, russian } = await draftSeries();
    await t.admin.post(`/api/v1/series/${seriesId}/publish`).expect(200);
    await deliver();
    const { occurrences } = await getSeries(seriesId);
    await t.admin
      .post(`/api/v1/sessions/${occurrences[1].id}/cancel`)
      .send({ reason: 'Holiday' })
      .expect(200);
    await deliver();
    const [, cancellation] = await sink.to(russian.email);
    expect(cancellation.subject).toBe('Отменено: Таможенный созвон');
    const calendar = calendarOf(calendarPart(cancellation));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const [event] = parseCalendar(calendarPart(cancellation)).events;
    expect(event.uid).toBe(seriesId);
    expect(event.recurrenceId).toBe(new Date(occurrences[1].startsAt).toISOString());
    expect(calendar.getFirstSubcomponent('vevent')!.hasProperty('rrule')).toBe(false);
  });
});
