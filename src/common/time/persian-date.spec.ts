import { persianDate, persianDateParts } from './zoned-time.js';

// Nowruz 1405: noon on 2026-03-21 in Tehran.
const nowruzNoon = new Date('2026-03-21T08:30:00Z');
// 01:30 on 2026-03-21 in Tehran, still 2026-03-20 in UTC and in New York.
const nowruzNight = new Date('2026-03-20T22:00:00Z');

describe('persianDate', () => {
  it.each([
    [nowruzNoon, 'Asia/Tehran', 'fa', '۱ فروردین ۱۴۰۵'],
    [nowruzNoon, 'Asia/Tehran', 'fa-IR', '۱ فروردین ۱۴۰۵'],
    [nowruzNoon, 'Asia/Tehran', 'en', '1 Farvardin 1405'],
    [nowruzNoon, 'Asia/Tehran', 'ru', '1 фарвардин 1405'],
    [nowruzNoon, 'Asia/Tehran', 'not a language!', '1 Farvardin 1405'],
    [nowruzNight, 'Asia/Tehran', 'en', '1 Farvardin 1405'],
    [nowruzNight, 'UTC', 'en', '29 Esfand 1404'],
    [nowruzNight, 'America/New_York', 'fa', '۲۹ اسفند ۱۴۰۴'],
    [new Date('2026-12-01T07:00:00Z'), 'Europe/Moscow', 'en', '10 Azar 1405'],
    [new Date('2021-07-01T05:30:00Z'), 'Asia/Tehran', 'fa', '۱۰ تیر ۱۴۰۰'],
  ])('%s in %s for %s is %s', (instant, zone, lang, expected) => {
    expect(persianDate(instant, zone, lang)).toBe(expected);
  });
});

describe('persianDateParts', () => {
  it('gives the numbers with Latin digits and the month named in the language asked', () => {
    expect(persianDateParts(nowruzNoon, 'Asia/Tehran', 'fa')).toEqual({
      year: 1405,
      month: 1,
      day: 1,
      monthName: 'فروردین',
    });
    expect(persianDateParts(nowruzNight, 'UTC', 'en')).toEqual({
      year: 1404,
      month: 12,
      day: 29,
      monthName: 'Esfand',
    });
  });
});
