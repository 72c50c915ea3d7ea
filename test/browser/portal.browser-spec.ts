import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, graveViolations, launchChromium } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LANGUAGES = ['fa', 'ru', 'en'] as const;

describe('Delegate portal in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sessionId: string;
  let minutesSessionId: string;
  let delegateId: string;
  let delegateToken: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ publicBaseUrl: base });
    await t.app.listen(port, '127.0.0.1');

    const jec = await t.ctx.newBilateralCommittee();
    const delegate = await t.ctx.newParticipant(jec.committee.id, jec.ir.id, {
      fullName: { en: 'Ali Rezaei', fa: 'علی رضایی', ru: 'Али Резаи' },
      locale: 'fa',
    });
    delegateId = delegate.id;
    delegateToken = await t.ctx.delegateToken(delegate.id);
    const presenter = await t.ctx.newParticipant(jec.committee.id, jec.ru.id, {
      fullName: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев', fa: 'اولگ ریازانتسف' },
    });
    const session = await t.ctx.newSession(jec.committee.id, {
      title: {
        en: 'Plenary session of the Joint Economic Committee',
        ru: 'Пленарное заседание Совместной экономической комиссии',
        fa: 'نشست عمومی کمیسیون مشترک اقتصادی',
      },
      start: `${new Date().getUTCFullYear() + 1}-03-10T10:00`,
      durationMinutes: 120,
      format: 'hybrid',
      location: { en: 'Moscow, Krasnopresnenskaya 12', ru: 'Москва, Краснопресненская наб., 12', fa: 'مسکو' },
      onlineMeeting: { joinUrl: 'https://meet.example.org/jec', provider: 'other' },
    });
    sessionId = session.id;
    for (const item of [
      { title: { en: 'Opening', ru: 'Открытие', fa: 'افتتاحیه' }, kind: 'opening', durationMinutes: 15 },
      {
        title: { en: 'Auto industry', ru: 'Автопром', fa: 'خودروسازی' },
        kind: 'presentation',
        durationMinutes: 45,
        presenterIds: [presenter.id],
      },
      {
        title: { en: 'Shipbuilding', ru: 'Судостроение', fa: 'کشتی‌سازی' },
        kind: 'discussion',
        durationMinutes: 45,
      },
      { title: { en: 'Closing', ru: 'Закрытие', fa: 'اختتامیه' }, kind: 'closing', durationMinutes: 15 },
    ]) {
      await t.admin.post(`/api/v1/sessions/${sessionId}/agenda-items`).send(item).expect(201);
    }
    await t.ctx.publish(sessionId);
    await t.ctx.invite(sessionId, delegate.id, { role: 'speaker' });
    // A session whose minutes are agreed: its page shows them and prints the protocol.
    const held = await t.ctx.newSession(jec.committee.id, {
      title: { en: 'Customs working group', ru: 'Рабочая группа по таможне', fa: 'کارگروه گمرک' },
      start: `${new Date().getUTCFullYear() - 1}-11-10T10:00`,
      kind: 'bilateral',
    });
    minutesSessionId = held.id;
    await t.ctx.invite(minutesSessionId, delegate.id);
    const trade = await t.admin
      .post(`/api/v1/sessions/${minutesSessionId}/agenda-items`)
      .send({ title: { en: 'Trade', ru: 'Торговля', fa: 'تجارت' }, kind: 'decision', durationMinutes: 30 })
      .expect(201);
    await t.ctx.publish(minutesSessionId);
    await t.admin
      .put(`/api/v1/sessions/${minutesSessionId}/minutes`)
      .send({
        items: [
          {
            agendaItemId: trade.body.id,
            notes: {
              en: 'The sides discussed trade.',
              ru: 'Стороны обсудили торговлю.',
              fa: 'طرفین دربارهٔ تجارت گفتگو کردند.',
            },
            decisions: [
              {
                text: { en: 'Set up a working group', ru: 'Создать рабочую группу', fa: 'تشکیل کارگروه' },
                kind: 'decision',
                outcome: 'consensus',
              },
            ],
            actionItems: [],
          },
        ],
      })
      .expect(200);
    await t.admin
      .post(`/api/v1/sessions/${minutesSessionId}/minutes/agree`)
      .send({ partyId: jec.ir.id })
      .expect(200);
    const link = await t.admin
      .post(`/api/v1/participants/${delegate.id}/portal-links`)
      .send({ expiresInDays: 30 })
      .expect(201);

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    page = await context.newPage();
    await page.goto(link.body.url as string);
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function expectAccessible(path: string): Promise<void> {
    await page.goto(`${base}${path}`);
    expect(await graveViolations(page, path)).toEqual([]);
  }

  it('signs in with the personal link and opens /my in the delegate’s language', async () => {
    expect(new URL(page.url()).pathname).toBe('/my');
    expect(await page.getAttribute('html', 'lang')).toBe('fa');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getByRole('link', { name: 'نشست عمومی کمیسیون مشترک اقتصادی' }).count()).toBe(1);
  });

  it.each(LANGUAGES)('opens /my and the session in %s', async (lang) => {
    await page.goto(`${base}/my?lang=${lang}`);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    await page.locator(`a[href^="/sessions/${sessionId}"]`).first().click();
    await page.waitForURL(`**/sessions/${sessionId}?lang=${lang}`);
    expect(await page.getAttribute('html', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
    const tehran = page
      .locator('ul.times li')
      .filter({ hasText: { fa: 'تهران', ru: 'Тегеран', en: 'Tehran' }[lang] });
    const expected = lang === 'fa' ? '۱۰:۳۰' : '10:30';
    expect(await tehran.first().locator('time').first().textContent()).toBe(expected);
  });

  it('clicks RSVP and the API sees the answer', async () => {
    await page.goto(`${base}/sessions/${sessionId}?lang=ru`);
    await page.getByRole('button', { name: 'Принять' }).click();
    await page.waitForURL(`**/sessions/${sessionId}?lang=ru`);
    expect(await page.locator('#rsvp-state').textContent()).toBe('Принято');
    const invitations = await t
      .as(delegateToken)
      .get(`/api/v1/sessions/${sessionId}/participants`)
      .expect(200);
    const mine = invitations.body.items.find(
      (row: { participantId: string }) => row.participantId === delegateId,
    );
    expect(mine.rsvp).toBe('accepted');
  });

  it('copies the feed URL with the copy button', async () => {
    await page.goto(`${base}/my/calendar?lang=en`);
    const url = await page.inputValue('#feed-https');
    expect(url).toMatch(new RegExp(`^${base}/calendar/cal_[\\w-]+\\.ics$`));
    await page.locator('button[data-copy-target="feed-https"]').click();
    await page.locator('#feed-https-status', { hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  it('saves screenshots of the session page in Persian and Russian', async () => {
    mkdirSync('docs', { recursive: true });
    for (const lang of ['fa', 'ru'] as const) {
      await page.goto(`${base}/sessions/${sessionId}?lang=${lang}`);
      await page.screenshot({ path: `docs/portal-session-${lang}.png`, fullPage: true });
      expect(existsSync(`docs/portal-session-${lang}.png`)).toBe(true);
    }
  });

  it.each(LANGUAGES)('has no serious or critical accessibility violation on any page in %s', async (lang) => {
    for (const path of [
      '/my',
      `/sessions/${sessionId}`,
      `/sessions/${sessionId}/print`,
      `/sessions/${minutesSessionId}`,
      `/sessions/${minutesSessionId}/protocol`,
      '/my/calendar',
      '/no-such-page',
    ]) {
      await expectAccessible(`${path}?lang=${lang}`);
    }
    const signedOut = await browser.newContext();
    const anonymous = await signedOut.newPage();
    const previous = page;
    page = anonymous;
    try {
      await expectAccessible(`/signin?lang=${lang}`);
    } finally {
      page = previous;
      await signedOut.close();
    }
  });
});
