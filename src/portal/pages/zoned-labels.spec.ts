import { en } from '../i18n/en.js';
import { fa } from '../i18n/fa.js';
import { ru } from '../i18n/ru.js';
import { clock, localDay, localDigits, zonedLabels } from './zoned-labels.js';

const span = (startsAt: string, endsAt: string, zoneOfRecord = 'Europe/Moscow') => ({
  startsAt: new Date(startsAt),
  endsAt: new Date(endsAt),
  zoneOfRecord,
});
const bothSides = ['Europe/Moscow', 'Asia/Tehran'];

describe('zonedLabels', () => {
  it('shows 10:00 Moscow as 10:30 in Tehran in 2026 (no DST in Iran since 2022)', () => {
    const [moscow, tehran] = zonedLabels(
      span('2026-12-01T07:00:00Z', '2026-12-01T09:00:00Z'),
      bothSides,
      undefined,
      'en',
      en,
    );
    expect([moscow.city, moscow.start, moscow.end]).toEqual(['Moscow', '10:00', '12:00']);
    expect([tehran.city, tehran.start, tehran.end]).toEqual(['Tehran', '10:30', '12:30']);
    expect(tehran.startIso).toBe('2026-12-01T10:30:00+03:30');
  });

  it('uses Tehran’s summer time of 2021 (UTC+04:30)', () => {
    const [, tehran] = zonedLabels(
      span('2021-06-15T07:00:00Z', '2021-06-15T08:00:00Z'),
      bothSides,
      undefined,
      'en',
      en,
    );
    expect([tehran.start, tehran.startIso]).toEqual(['11:30', '2021-06-15T11:30:00+04:30']);
  });

  const cases: Array<[string, 'fa' | 'ru' | 'en', typeof en, string, string, string]> = [
    ['Persian: Solar Hijri in Persian digits', 'fa', fa, 'سه‌شنبه ۱۰ آذر ۱۴۰۵', '۱۰:۳۰', 'تهران'],
    ['Russian: Russian dates', 'ru', ru, 'вторник, 1 декабря 2026 г.', '10:30', 'Тегеран'],
    ['English', 'en', en, 'Tuesday, December 1, 2026', '10:30', 'Tehran'],
  ];
  it.each(cases)('%s', (_name, lang, messages, date, start, city) => {
    const [, tehran] = zonedLabels(
      span('2026-12-01T07:00:00Z', '2026-12-01T09:00:00Z'),
      bothSides,
      undefined,
      lang,
      messages,
    );
    expect([tehran.date, tehran.start, tehran.city]).toEqual([date, start, city]);
  });

  it('gives the other calendar too: Gregorian for Persian readers, Solar Hijri for others', () => {
    const at = span('2026-03-21T06:00:00Z', '2026-03-21T07:00:00Z');
    expect(zonedLabels(at, ['Asia/Tehran'], undefined, 'fa', fa)[0].otherCalendarDate).toBe('۲۱ مارس ۲۰۲۶');
    expect(zonedLabels(at, ['Asia/Tehran'], undefined, 'en', en)[0].otherCalendarDate).toBe(
      '1 Farvardin 1405',
    );
  });

  it('adds the viewer’s own zone when it differs, and marks it', () => {
    const labels = zonedLabels(
      span('2026-12-01T20:30:00Z', '2026-12-01T21:00:00Z'),
      bothSides,
      'Asia/Tokyo',
      'en',
      en,
    );
    expect(labels.map((label) => [label.city, label.start, label.dayOffset, label.isViewer])).toEqual([
      ['Moscow', '23:30', 0, false],
      ['Tehran', '00:00', 1, false],
      ['Tokyo', '05:30', 1, true],
    ]);
    expect(
      zonedLabels(span('2026-12-01T07:00:00Z', '2026-12-01T08:00:00Z'), bothSides, 'Asia/Tehran', 'en', en),
    ).toHaveLength(2);
  });
});

describe('clock and localDay', () => {
  it('reads the wall clock of a local ISO time in the reader’s digits', () => {
    expect(clock('2026-12-01T09:05:00+03:30', 'fa')).toBe('۰۹:۰۵');
    expect(clock('2026-12-01T09:05:00+03:30', 'ru')).toBe('09:05');
    expect(localDigits('2.1', 'fa')).toBe('۲.۱');
  });

  it('gives the local day in a zone', () => {
    expect(localDay(new Date('2026-12-01T21:00:00Z'), 'Asia/Tehran')).toBe('2026-12-02');
    expect(localDay(new Date('2026-12-01T21:00:00Z'), 'Europe/Moscow')).toBe('2026-12-02');
    expect(localDay(new Date('2026-12-01T20:00:00Z'), 'Europe/Moscow')).toBe('2026-12-01');
  });
});
