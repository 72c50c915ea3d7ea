import { personalLink, signIn, type PortalBrowser } from '../support/portal.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Row = { id: string };

describe('Delegate portal: pages', () => {
  let t: TestApp;
  let delegate: Row;
  let delegateToken: string;
  let page: PortalBrowser;
  let plenary: Row;
  let summer2021: Row;
  let draft: Row;
  let otherGroups: Row;
  let cancelled: Row;
  let future: Row;
  let committeeId: string;
  let irPartyId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const jec = await t.ctx.newBilateralCommittee();
    committeeId = jec.committee.id;
    irPartyId = jec.ir.id;
    delegate = await t.ctx.newParticipant(committeeId, jec.ir.id, {
      fullName: { en: 'Ali Rezaei', fa: 'علی رضایی', ru: 'Али Резаи' },
      locale: 'fa',
    });
    const presenter = await t.ctx.newParticipant(committeeId, jec.ru.id, {
      fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' },
    });
    delegateToken = await t.ctx.delegateToken(delegate.id);
    plenary = await t.ctx.newSession(committeeId, {
      start: '2026-12-01T10:00',
      durationMinutes: 60,
      location: { en: 'Moscow, Krasnopresnenskaya 12', ru: 'Москва, Краснопресненская 12' },
      onlineMeeting: { joinUrl: 'https://meet.example.org/jec', provider: 'other' },
    });
    for (const item of [
      { title: { en: 'Opening', ru: 'Открытие' }, kind: 'opening', durationMinutes: 30 },
      {
        title: { en: 'Auto industry', ru: 'Автопром', fa: 'خودروسازی' },
        kind: 'presentation',
        durationMinutes: 45,
        presenterIds: [presenter.id],
      },
    ]) {
      await t.admin.post(`/api/v1/sessions/${plenary.id}/agenda-items`).send(item).expect(201);
    }
    await t.ctx.publish(plenary.id);
    await t.ctx.invite(plenary.id, delegate.id);
    summer2021 = await t.ctx.newSession(committeeId, { start: '2021-06-15T10:00', durationMinutes: 60 });
    await t.ctx.publish(summer2021.id);
    draft = await t.ctx.newSession(committeeId, { start: '2026-12-02T10:00' });
    const group = await t.ctx.newWorkingGroup(committeeId);
    otherGroups = await t.ctx.newSession(committeeId, {
      kind: 'working_group',
      workingGroupId: group.id,
      start: '2026-12-03T10:00',
    });
    await t.ctx.publish(otherGroups.id);
    cancelled = await t.ctx.newSession(committeeId, { start: '2026-12-04T10:00' });
    await t.ctx.publish(cancelled.id);
    await t.admin
      .post(`/api/v1/sessions/${cancelled.id}/cancel`)
      .send({ reason: 'Postponed to January' })
      .expect(200);
    future = await t.ctx.newSession(committeeId, {
      title: { en: 'Next year’s plenary', ru: 'Пленарное заседание будущего года' },
      start: `${new Date().getUTCFullYear() + 1}-03-10T10:00`,
    });
    await t.ctx.publish(future.id);
    await t.ctx.invite(future.id, delegate.id);
    page = await signIn(t, await personalLink(t, delegate.id));
  });
  afterAll(() => t.close());

  it('shows both clocks with their cities: 10:00 Moscow is 10:30 Tehran', async () => {
    const html = (await page.get(`/sessions/${plenary.id}?lang=en`).expect(200)).text;
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toMatch(
      /Moscow<\/bdi>: <bdi dir="ltr"><time datetime="2026-12-01T10:00:00\+03:00">10:00<\/time>–<time datetime="2026-12-01T11:00:00\+03:00">11:00<\/time><\/bdi>/,
    );
    expect(html).toMatch(
      /Tehran<\/bdi>: <bdi dir="ltr"><time datetime="2026-12-01T10:30:00\+03:30">10:30<\/time>/,
    );
    expect(html).toContain('Tuesday, December 1, 2026');
    expect(html).toContain('10 Azar 1405');
  });

  it('uses Tehran’s 2021 summer time', async () => {
    const html = (await page.get(`/sessions/${summer2021.id}?lang=en`).expect(200)).text;
    expect(html).toContain('<time datetime="2021-06-15T11:30:00+04:30">11:30</time>');
  });

  it('speaks the delegate’s own language by default: Persian, right to left, Solar Hijri', async () => {
    const html = (await page.get(`/sessions/${plenary.id}`).expect(200)).text;
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('>۱۰:۳۰</time>');
    expect(html).toContain('سه‌شنبه ۱۰ آذر ۱۴۰۵');
    expect(html).toContain('تهران');
    expect(html).toContain('دستور جلسه');
  });

  it('speaks Russian with Russian dates', async () => {
    const html = (await page.get(`/sessions/${plenary.id}?lang=ru`).expect(200)).text;
    expect(html).toContain('<html lang="ru" dir="ltr">');
    expect(html).toContain('вторник, 1 декабря 2026 г.');
    expect(html).toContain('Тегеран');
    expect(html).toContain('Повестка дня');
    expect(html).toContain(`href="/sessions/${plenary.id}?lang=fa"`);
  });

  it('numbers the agenda with planned times in both zones, presenters, kinds and overrun', async () => {
    const html = (await page.get(`/sessions/${plenary.id}?lang=en`).expect(200)).text;
    expect(html).toMatch(
      /<bdi dir="ltr">2<\/bdi><\/td><td><bdi>Auto industry<\/bdi><br\/><span class="muted">Presentation · 45 min/,
    );
    expect(html).toContain(
      '<time datetime="2026-12-01T10:30:00+03:00">10:30</time>–<time datetime="2026-12-01T11:15:00+03:00">11:15</time>',
    );
    expect(html).toContain(
      '<time datetime="2026-12-01T11:00:00+03:30">11:00</time>–<time datetime="2026-12-01T11:45:00+03:30">11:45</time>',
    );
    expect(html).toContain('Oleg Ryazantsev');
    expect(html).toContain('The agenda runs 15 minutes past the end of the session.');
    expect(html).toContain('Moscow, Krasnopresnenskaya 12');
    expect(html).toContain('href="https://meet.example.org/jec"');
  });

  it('shows a cancelled session with its banner and reason', async () => {
    const html = (await page.get(`/sessions/${cancelled.id}?lang=en`).expect(200)).text;
    expect(html).toContain('This session is cancelled.');
    expect(html).toContain('Postponed to January');
  });

  it('answers what the API does not show with the 404 page, as the API answers 404', async () => {
    for (const hidden of [draft, otherGroups, { id: '00000000-0000-4000-8000-000000000000' }]) {
      await t.as(delegateToken).get(`/api/v1/sessions/${hidden.id}`).expect(404);
      const answer = await page.get(`/sessions/${hidden.id}?lang=en`).expect(404);
      expect(answer.type).toBe('text/html');
      expect(answer.text).toContain('Page not found');
    }
    const malformed = await page.get('/sessions/not-an-id').expect(404);
    expect(malformed.text).toContain('<html lang="fa" dir="rtl">');
    // A browser asks for a page; other clients get the API's problem+json (bad-input.e2e-spec).
    const nowhere = await t.http.get('/no/such/page?lang=ru').set('Accept', 'text/html').expect(404);
    expect(nowhere.text).toContain('Страница не найдена');
  });

  it('sends a signed-out browser to /signin', async () => {
    const answer = await t.http.get(`/sessions/${plenary.id}`).expect(303);
    expect(answer.headers.location).toMatch(/^\/signin/);
  });

  it('records an RSVP only with the session’s CSRF token', async () => {
    const invitations = () =>
      t.as(delegateToken).get(`/api/v1/sessions/${plenary.id}/participants`).expect(200);
    const mine = async () =>
      (await invitations()).body.items.find(
        (row: { participantId: string }) => row.participantId === delegate.id,
      ).rsvp;
    await page.post(`/sessions/${plenary.id}/rsvp`, { rsvp: 'accepted' }).expect(403);
    await page.post(`/sessions/${plenary.id}/rsvp`, { rsvp: 'accepted', _csrf: 'forged' }).expect(403);
    expect(await mine()).toBe('needs_action');
    const csrf = await page.csrf(`/sessions/${plenary.id}`);
    const answered = await page
      .post(`/sessions/${plenary.id}/rsvp?lang=en`, { rsvp: 'accepted', _csrf: csrf })
      .expect(303);
    expect(answered.headers.location).toBe(`/sessions/${plenary.id}?lang=en`);
    expect(await mine()).toBe('accepted');
    const html = (await page.get(`/sessions/${plenary.id}?lang=en`)).text;
    expect(html).toContain('<span class="rsvp-state" id="rsvp-state">Accepted</span>');
  });

  it('lists upcoming and past sessions by day with RSVP state, never drafts or unseen ones', async () => {
    const html = (await page.get('/my?lang=en').expect(200)).text;
    const [upcoming, past] = html.split('id="past"');
    expect(upcoming).toContain(`/sessions/${future.id}?lang=en`);
    expect(upcoming).toContain('Not answered');
    expect(past).toContain(`/sessions/${plenary.id}?lang=en`);
    expect(html).not.toContain(draft.id);
    expect(html).not.toContain(otherGroups.id);
  });

  it('serves personal pages uncached, under a strict CSP, with no inline script or style', async () => {
    for (const path of [
      '/my',
      `/sessions/${plenary.id}`,
      `/sessions/${plenary.id}/print`,
      '/my/calendar',
      '/signin',
    ]) {
      const answer = await page.get(path).expect(200);
      expect(answer.headers['cache-control']).toBe('private, no-store');
      const csp = answer.headers['content-security-policy'];
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(answer.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(answer.text).not.toMatch(/\sstyle=/);
    }
  });

  it('downloads the session as .ics and prints the agenda', async () => {
    const ics = await page.get(`/sessions/${plenary.id}/session.ics`).expect(200);
    expect(ics.type).toBe('text/calendar');
    expect(ics.text).toContain(`UID:${plenary.id}`);
    const print = (await page.get(`/sessions/${plenary.id}/print?lang=ru`).expect(200)).text;
    expect(print).toContain('Автопром');
    await page.get(`/sessions/${draft.id}/print`).expect(404);
  });

  it('makes the delegate’s feed on the first visit and a new one on request', async () => {
    const subscriber = await t.ctx.newParticipant(committeeId, irPartyId);
    await t.ctx.invite(plenary.id, subscriber.id);
    const page = await signIn(t, await personalLink(t, subscriber.id));
    const first = (await page.get('/my/calendar?lang=en').expect(200)).text;
    const https = /value="(https:\/\/quorum\.test\/calendar\/cal_[\w-]+\.ics)"/.exec(first)![1];
    expect(first).toContain(`value="${https.replace('https:', 'webcal:')}"`);
    for (const app of ['Google Calendar', 'Outlook', 'Apple Calendar', 'Thunderbird'])
      expect(first).toContain(app);
    const feedPath = new URL(https).pathname;
    expect((await t.http.get(feedPath).expect(200)).text).toContain(`UID:${plenary.id}`);
    const second = (await page.get('/my/calendar?lang=en').expect(200)).text;
    expect(second).not.toContain('/calendar/cal_');
    await page.post('/my/calendar').expect(403);
    await t.http.get(feedPath).expect(200);
    const renewed = (await page.post('/my/calendar', { _csrf: await page.csrf('/my/calendar') }).expect(200))
      .text;
    const next = /value="(https:\/\/quorum\.test\/calendar\/cal_[\w-]+\.ics)"/.exec(renewed)![1];
    expect(next).not.toBe(https);
    await t.http.get(feedPath).expect(404);
    await t.http.get(new URL(next).pathname).expect(200);
  });
});
