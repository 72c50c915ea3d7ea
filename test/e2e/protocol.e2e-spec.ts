import { createHash } from 'node:crypto';
import { SIGNED_COPY_MAX_BYTES } from '../../src/minutes/signed-copy.js';
import { binary, documentXml, paragraphsWith } from '../support/docx.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('The protocol document and its signed copy', () => {
  let t: TestApp;
  let sessionId: string;
  let irChair: { id: string };
  let ruChair: { id: string };
  let parties: { ir: { id: string }; ru: { id: string } };
  const base = () => `/api/v1/sessions/${sessionId}/minutes`;
  const docx = (path: string) => t.admin.get(path).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await startTestApp();
    const jec = await t.ctx.newBilateralCommittee();
    parties = jec;
    irChair = await t.ctx.newParticipant(jec.committee.id, jec.ir.id, {
      fullName: { en: 'Hamid Zadboum', fa: 'حمید زادبوم' },
      position: { fa: 'معاون وزیر صنعت' },
      delegationRole: 'co_chair',
    });
    ruChair = await t.ctx.newParticipant(jec.committee.id, jec.ru.id, {
      fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' },
      delegationRole: 'co_chair',
    });
    const session = await t.ctx.newSession(jec.committee.id, {
      timeZone: 'Asia/Tehran',
      start: '2026-12-01T10:00',
      location: { fa: 'تهران، وزارت صمت', ru: 'Тегеран, Министерство промышленности' },
    });
    sessionId = session.id;
    await t.ctx.invite(sessionId, irChair.id);
    await t.ctx.invite(sessionId, ruChair.id);
    const item = await t.admin
      .post(`/api/v1/sessions/${sessionId}/agenda-items`)
      .send({
        title: { fa: 'همکاری در صنعت خودرو', ru: 'Сотрудничество в автопроме' },
        kind: 'decision',
        durationMinutes: 30,
      })
      .expect(201);
    await t.ctx.publish(sessionId);
    await t.admin
      .put(base())
      .send({
        items: [
          {
            agendaItemId: item.body.id,
            decisions: [
              {
                text: { fa: 'طرفین توافق کردند', ru: 'Стороны договорились' },
                kind: 'decision',
                outcome: 'adopted',
              },
            ],
            actionItems: [
              {
                title: { fa: 'تهیه پیش‌نویس موافقت‌نامه', ru: 'Подготовить проект соглашения' },
                partyId: jec.ru.id,
                ownerIds: [ruChair.id],
                dueDate: '2027-03-01',
              },
            ],
          },
        ],
      })
      .expect(200);
    // No organizer token speaks for a party here: one agreement suffices.
    const agreed = await t.admin.post(`${base()}/agree`).send({ partyId: jec.ir.id }).expect(200);
    expect(agreed.body).toMatchObject({ status: 'agreed', requiredPartyIds: [] });
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes Persian right to left and Russian left to right, each dated in both calendars', async () => {
    const response = await docx(`${base()}/protocol.docx?langs=fa,ru`).expect(200);
    expect(response.headers['content-type']).toContain('wordprocessingml.document');
    const xml = documentXml(response.body as Buffer);

    const persian = paragraphsWith(xml, 'طرفین توافق کردند');
    expect(persian).toHaveLength(1);
    expect(persian[0]).toContain('<w:bidi/>');
    expect(persian[0]).toContain('<w:rtl/>');
    const russian = paragraphsWith(xml, 'Стороны договорились');
    expect(russian).toHaveLength(1);
    expect(russian[0]).not.toContain('<w:bidi/>');
    expect(russian[0]).not.toContain('<w:rtl/>');
    expect(paragraphsWith(xml, 'Подготовить проект соглашения')[0]).toContain('Олег Рязанцев');

    // 1 December 2026 in Tehran is 10 Azar 1405.
    expect(paragraphsWith(xml, '۱۰ آذر ۱۴۰۵')[0]).toContain('<w:bidi/>');
    expect(paragraphsWith(xml, '1 دسامبر 2026')).toHaveLength(1);
    expect(paragraphsWith(xml, '1 декабря 2026')).toHaveLength(1);
    expect(paragraphsWith(xml, '10 азер 1405')).toHaveLength(1);
    expect(paragraphsWith(xml, 'Тегеран, Министерство промышленности')).toHaveLength(1);

    expect(paragraphsWith(xml, 'همه متن‌ها از اعتبار یکسان برخوردارند')[0]).toContain('فارسی و روسی');
    expect(paragraphsWith(xml, 'все тексты имеют одинаковую силу')[0]).toContain('персидском и русском');
    expect(paragraphsWith(xml, 'Сопредседатель — Россия')).toHaveLength(1);
    expect(paragraphsWith(xml, 'رئیس مشترک — ایران')).toHaveLength(1);
    expect(paragraphsWith(xml, 'حمید زادبوم').length).toBeGreaterThan(0);
    // The Persian text comes first, then the Russian.
    expect(xml.indexOf('طرفین توافق کردند')).toBeLessThan(xml.indexOf('Стороны договорились'));
  });

  it('refuses a malformed langs list with 422', async () => {
    const response = await t.admin.get(`${base()}/protocol.docx?langs=fa,,ru`).expect(422);
    expect(response.body.errors[0].path).toBe('langs');
  });

  it('keeps the signed document and its SHA-256, and takes the scanned signed copy', async () => {
    await t.admin
      .put(`${base()}/revisions/1/signed-copy`)
      .set('Content-Type', 'application/pdf')
      .send(Buffer.from('%PDF-1.4'))
      .expect(409);
    const signed = await t.admin
      .post(`${base()}/sign`)
      .send({
        langs: 'fa,ru',
        signatories: [
          { partyId: parties.ir.id, participantId: irChair.id },
          { partyId: parties.ru.id, participantId: ruChair.id },
        ],
      })
      .expect(200);
    const download = await docx(`${base()}/protocol.docx`).expect(200);
    const bytes = download.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(signed.body.documentSha256);
    expect(download.headers['x-content-sha256']).toBe(signed.body.documentSha256);
    const again = await docx(`${base()}/protocol.docx?langs=fa,ru`).expect(200);
    expect(Buffer.compare(again.body as Buffer, bytes)).toBe(0);

    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7)]);
    const wrongType = await t.admin
      .put(`${base()}/revisions/1/signed-copy`)
      .set('Content-Type', 'text/plain')
      .send('hello');
    expect(wrongType.status).toBe(415);
    const notPdf = await t.admin
      .put(`${base()}/revisions/1/signed-copy`)
      .set('Content-Type', 'application/pdf')
      .send(Buffer.from('GIF89a'));
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.errors[0].path).toBe('body');
    const tooLarge = await t.admin
      .put(`${base()}/revisions/1/signed-copy`)
      .set('Content-Type', 'application/pdf')
      .send(Buffer.alloc(SIGNED_COPY_MAX_BYTES + 1, 0x25));
    expect(tooLarge.status).toBe(413);
    expect((await t.admin.get(base()).expect(200)).body.signedCopy).toBeNull();

    const uploaded = await t.admin
      .put(`${base()}/revisions/1/signed-copy`)
      .set('Content-Type', 'application/pdf')
      .send(pdf)
      .expect(200);
    expect(uploaded.body.signedCopy).toMatchObject({
      sha256: createHash('sha256').update(pdf).digest('hex'),
      bytes: pdf.length,
    });
    const copy = await t.admin
      .get(`${base()}/revisions/1/signed-copy`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(copy.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(copy.body as Buffer, pdf)).toBe(0);
  });
});
