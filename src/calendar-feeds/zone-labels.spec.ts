import { clockText, localDigits, readerZonesFirst, zoneLabel } from './zone-labels.js';

describe('zone labels and clock times in the feed’s language', () => {
  it.each([
    ['Asia/Tehran', 'fa', 'تهران'],
    ['Asia/Tehran', 'ru', 'Тегеран'],
    ['Europe/Moscow', 'fa-IR', 'مسکو'],
    ['Europe/Moscow', 'en', 'Moscow'],
    ['America/New_York', 'en', 'New York'],
    ['America/New_York', 'ru', 'Нью-Йорк'],
  ])('%s in %s is %s', (zone, locale, label) => {
    expect(zoneLabel(zone, locale)).toBe(label);
  });

  it('writes clock times in the zone, with Persian digits for Persian readers', () => {
    const instant = new Date('2021-09-21T19:00:00Z');
    expect([clockText(instant, 'Asia/Tehran', 'fa'), clockText(instant, 'Asia/Tehran', 'ru')]).toEqual([
      '۲۳:۳۰',
      '23:30',
    ]);
    expect([localDigits('2.1', 'fa'), localDigits('2.1', 'ru')]).toEqual(['۲.۱', '2.1']);
  });

  it('lists the reader’s own party first, else the parties reading the feed’s language', () => {
    const parties = [
      { timeZone: 'Asia/Tehran', locale: 'fa', partyId: 'ir' },
      { timeZone: 'Europe/Moscow', locale: 'ru', partyId: 'ru' },
    ];
    expect(readerZonesFirst(parties, 'ru', null)).toEqual(['Europe/Moscow', 'Asia/Tehran']);
    expect(readerZonesFirst(parties, 'en', null)).toEqual(['Asia/Tehran', 'Europe/Moscow']);
    expect(readerZonesFirst(parties, 'ru', 'ir')).toEqual(['Asia/Tehran', 'Europe/Moscow']);
  });
});
