import { cityName, formatTimeRange, readerZones } from './notice-times.js';

describe('notice times', () => {
  const start = new Date('2026-12-01T07:00:00Z');
  const end = new Date('2026-12-01T09:00:00Z');

  it.each([
    ['en', 'Europe/Moscow', 'Tuesday, 1 December 2026, 10:00–12:00 (Moscow)'],
    ['en', 'Asia/Tehran', 'Tuesday, 1 December 2026, 10:30–12:30 (Tehran)'],
    ['ru', 'Europe/Moscow', 'вторник, 1 декабря 2026 г., 10:00–12:00 (Москва)'],
  ] as const)('writes %s times in %s', (language, zone, expected) => {
    expect(formatTimeRange(start, end, zone, language)).toBe(expected);
  });

  it('writes Persian readers a Solar Hijri date in Persian digits', () => {
    const text = formatTimeRange(start, end, 'Asia/Tehran', 'fa');
    expect(text.startsWith('سه‌شنبه، ۱۰ آذر ۱۴۰۵، ')).toBe(true);
    expect(text).toContain('۱۰:۳۰');
    expect(text).toContain('(تهران)');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('follows Tehran’s offset of the year (daylight time in 2021, none in 2026)', () => {
    const summer2021 = new Date('2021-06-01T06:00:00Z');
    const summer2026 = new Date('2026-06-01T06:00:00Z');
    const hour = (instant: Date) => formatTimeRange(instant, instant, 'Asia/Tehran', 'en').split(', ').at(-1);
    expect(hour(summer2021)).toBe('10:30–10:30 (Tehran)');
    expect(hour(summer2026)).toBe('09:30–09:30 (Tehran)');
  });

  it('writes the end date when the session ends on another local day', () => {
    const late = formatTimeRange(
      new Date('2026-12-01T19:00:00Z'),
      new Date('2026-12-01T21:30:00Z'),
      'Asia/Tehran',
      'en',
    );
    expect(late).toBe('Tuesday, 1 December 2026, 22:30–Wednesday, 2 December 2026, 01:00 (Tehran)');
  });

  it('names zones without a catalogue entry by their city', () => {
    expect(cityName('America/New_York', 'ru')).toBe('New York');
    expect(readerZones('Asia/Tehran', ['Asia/Tehran', 'Europe/Moscow'])).toEqual([
      'Asia/Tehran',
      'Europe/Moscow',
    ]);
  });
});
