import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { NoticeWorker } from '../../src/notices/notice-worker.service.js';
import { freePort, graveViolations, launchChromium } from '../support/browser.js';
import { openWebinar } from '../support/registration.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LANGUAGES = ['fa', 'ru', 'en'] as const;
const WORDS = {
  fa: {
    submit: 'ثبت‌نام',
    sent: 'رایانامهٔ خود را ببینید',
    confirm: 'تأیید ثبت‌نام',
    confirmed: 'تأییدشده: جای شما محفوظ است',
  },
  ru: {
    submit: 'Зарегистрироваться',
    sent: 'Проверьте почту',
    confirm: 'Подтвердить регистрацию',
    confirmed: 'Подтверждена: место за вами',
  },
  en: {
    submit: 'Register',
    sent: 'Check your e-mail',
    confirm: 'Confirm my registration',
    confirmed: 'Confirmed: your seat is reserved',
  },
} as const;

/** The public registration form and the personal page, in a real Chromium, in fa, ru and en. */
describe('Webinar registration in Chromium', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let sessionId: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ publicBaseUrl: base, publicFormRateLimit: 100 });
    await t.app.listen(port, '127.0.0.1');
    sessionId = (await openWebinar(t, { capacity: 10 })).webinar.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser (no cookies), as a registrant coming from an announcement. */
  async function visitor(): Promise<Page> {
    return (await browser.newContext({ viewport: { width: 1000, height: 900 } })).newPage();
  }

  it.each(LANGUAGES)(
    'registers, confirms from the personal link, and passes axe-core in %s',
    async (lang) => {
      const page = await visitor();
      const grave: string[] = [];
      await page.goto(`${base}/register/${sessionId}?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.getAttribute('html', 'dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
      grave.push(...(await graveViolations(page, `/register ${lang}`)));
      if (lang !== 'en') {
        await page.screenshot({ path: `docs/registration-${lang}.png`, fullPage: true });
        expect(existsSync(`docs/registration-${lang}.png`)).toBe(true);
      }

      // Submitting without anything shows the problems next to their fields, still accessible.
      await page.getByRole('button', { name: WORDS[lang].submit, exact: true }).click();
      await page.locator('#name-problem').waitFor();
      expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
      grave.push(...(await graveViolations(page, `/register with problems ${lang}`)));

      const email = `browser-${lang}@example.org`;
      await page.fill('#name', { fa: 'مریم احمدی', ru: 'Мария Иванова', en: 'Mary Adams' }[lang]);
      await page.fill('#email', email);
      await page.fill('#organization', { fa: 'شرکت لبنیات', ru: 'АО Молоко', en: 'Dairy Ltd' }[lang]);
      await page.selectOption('#country', lang === 'fa' ? 'IR' : 'RU');
      await page.selectOption('#language', lang);
      await page.check('#consent');
      await page.getByRole('button', { name: WORDS[lang].submit, exact: true }).click();
      await page.getByRole('heading', { name: WORDS[lang].sent }).waitFor();

      // The mailed link (the outbox holds it unsent without SMTP): the registration's own.
      await t.app.get(NoticeWorker).runOnce();
      const [row] = await t.db.query<Array<{ access_token: string }>>(
        'SELECT access_token FROM registrations WHERE email = $1',
        [email],
      );
      await page.goto(`${base}/registration/${row.access_token}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      grave.push(...(await graveViolations(page, `/registration unconfirmed ${lang}`)));
      await page.getByRole('button', { name: WORDS[lang].confirm }).click();
      await page.locator('#registration-status', { hasText: WORDS[lang].confirmed }).waitFor();
      const join = page.locator(`a[href="/registration/${row.access_token}/join"]`);
      expect(await join.count()).toBe(1);
      grave.push(...(await graveViolations(page, `/registration confirmed ${lang}`)));
      expect(grave).toEqual([]);
      await page.context().close();
    },
  );
});
