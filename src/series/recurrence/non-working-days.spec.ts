import { expandSeries, type Occurrence } from './expand.js';
import { filterWorkingOccurrences, nonWorkingReason, type PartyCalendar } from './non-working-days.js';
import { parseRule } from './rrule.js';

const iran: PartyCalendar = { code: 'IR', workWeek: [6, 7, 1, 2, 3], holidayCountry: 'IR' };
const russia: PartyCalendar = { code: 'RU', workWeek: [1, 2, 3, 4, 5], holidayCountry: 'RU' };

const NOWRUZ = 'نوروز';
const EID_AL_FITR_AND_OIL_NATIONALIZATION = 'عید سعید فطر / ملی شدن صنعت نفت';
const EID_AL_FITR_HOLIDAY_AND_NOWRUZ = 'به مناسبت عید سعید فطر / نوروز';

function dailyAtTen(timeZone: string, startDate: string, count: number, startTime = '10:00'): Occurrence[] {
  const parsed = parseRule(`FREQ=DAILY;COUNT=${count}`);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  const expansion = expandSeries({ rule: parsed.rule, timeZone, startDate, startTime, durationMinutes: 60 });
  if ('problems' in expansion) throw new Error(expansion.problems.join('; '));
  return expansion.occurrences;
}

describe('nonWorkingReason with date-holidays data', () => {
  it.each([
    ['2026-03-20', { reason: 'holiday', name: EID_AL_FITR_AND_OIL_NATIONALIZATION }],
    ['2026-03-21', { reason: 'holiday', name: EID_AL_FITR_HOLIDAY_AND_NOWRUZ }],
    ['2026-03-22', { reason: 'holiday', name: NOWRUZ }],
    ['2026-03-23', { reason: 'holiday', name: NOWRUZ }],
    ['2026-03-24', { reason: 'holiday', name: NOWRUZ }],
    ['2026-02-11', { reason: 'holiday', name: 'انقلاب اسلامی پنجاه و هفت' }],
    ['2026-01-08', { reason: 'weekend' }],
    ['2026-01-09', { reason: 'weekend' }],
    ['2026-01-10', null],
    ['2026-03-25', null],
  ])('Iran on %s', (localDate, expected) => {
    expect(nonWorkingReason(localDate, iran)).toEqual(expected);
  });

  it.each([
    ['2026-01-01', { reason: 'holiday', name: 'Новый год' }],
    ['2026-01-02', { reason: 'holiday', name: 'Новогодние каникулы' }],
    ['2026-01-05', { reason: 'holiday', name: 'Новогодние каникулы' }],
    ['2026-01-06', { reason: 'holiday', name: 'Новогодние каникулы' }],
    ['2026-01-07', { reason: 'holiday', name: 'Рождество Христово' }],
    ['2026-01-08', { reason: 'holiday', name: 'Новогодние каникулы' }],
    ['2026-05-09', { reason: 'holiday', name: 'День Победы' }],
    ['2026-01-10', { reason: 'weekend' }],
    ['2026-01-12', null],
  ])('Russia on %s', (localDate, expected) => {
    expect(nonWorkingReason(localDate, russia)).toEqual(expected);
  });

  it('lets an extra working day win over the weekend and over a public holiday', () => {
    const movedDays = { ...russia, extraWorkingDays: ['2025-11-01', '2026-01-05'] };
    expect(nonWorkingReason('2025-11-01', russia)).toEqual({ reason: 'weekend' });
    expect(nonWorkingReason('2025-11-01', movedDays)).toBeNull();
    expect(nonWorkingReason('2026-01-05', movedDays)).toBeNull();
  });

  it('reports an extra non-working day ahead of a holiday on the same date', () => {
    const party = { ...russia, extraNonWorkingDays: ['2026-01-09', '2026-01-01'] };
    expect(nonWorkingReason('2026-01-09', russia)).toBeNull();
    expect(nonWorkingReason('2026-01-09', party)).toEqual({ reason: 'extra_non_working_day' });
    expect(nonWorkingReason('2026-01-01', party)).toEqual({ reason: 'extra_non_working_day' });
  });

  it('uses only the work week without a holiday country, and accepts a lower-case one', () => {
    expect(nonWorkingReason('2026-01-01', { code: 'XX', workWeek: [1, 2, 3, 4, 5] })).toBeNull();
    expect(nonWorkingReason('2026-05-09', { ...russia, holidayCountry: 'ru' })).toEqual({
      reason: 'holiday',
      name: 'День Победы',
    });
  });

  it('refuses a country date-holidays does not know, and a malformed date', () => {
    expect(() => nonWorkingReason('2026-01-01', { ...russia, holidayCountry: 'QQ' })).toThrow(
      'date-holidays has no public holidays for country QQ',
    );
    expect(() => nonWorkingReason('2026-02-30', russia)).toThrow('not a date YYYY-MM-DD: 2026-02-30');
  });
});

describe('filterWorkingOccurrences', () => {
  it('skips each day either side does not work, with one entry per objecting party', () => {
    const occurrences = dailyAtTen('Europe/Moscow', '2026-03-18', 9);
    const { kept, skipped } = filterWorkingOccurrences(occurrences, 'Europe/Moscow', [iran, russia]);
    expect(kept.map((occurrence) => occurrence.recurrenceId)).toEqual([
      '2026-03-18T10:00',
      '2026-03-25T10:00',
    ]);
    expect(skipped).toEqual([
      { recurrenceId: '2026-03-19T10:00', partyCode: 'IR', reason: 'weekend' },
      {
        recurrenceId: '2026-03-20T10:00',
        partyCode: 'IR',
        reason: 'holiday',
        name: EID_AL_FITR_AND_OIL_NATIONALIZATION,
      },
      {
        recurrenceId: '2026-03-21T10:00',
        partyCode: 'IR',
        reason: 'holiday',
        name: EID_AL_FITR_HOLIDAY_AND_NOWRUZ,
      },
      { recurrenceId: '2026-03-21T10:00', partyCode: 'RU', reason: 'weekend' },
      { recurrenceId: '2026-03-22T10:00', partyCode: 'IR', reason: 'holiday', name: NOWRUZ },
      { recurrenceId: '2026-03-22T10:00', partyCode: 'RU', reason: 'weekend' },
      { recurrenceId: '2026-03-23T10:00', partyCode: 'IR', reason: 'holiday', name: NOWRUZ },
      { recurrenceId: '2026-03-24T10:00', partyCode: 'IR', reason: 'holiday', name: NOWRUZ },
      { recurrenceId: '2026-03-26T10:00', partyCode: 'IR', reason: 'weekend' },
    ]);
  });

  it('keeps a Russian transfer Saturday and skips an extra non-working day', () => {
    const occurrences = dailyAtTen('Europe/Moscow', '2025-10-31', 4);
    const party = { ...russia, extraWorkingDays: ['2025-11-01'], extraNonWorkingDays: ['2025-11-03'] };
    const { kept, skipped } = filterWorkingOccurrences(occurrences, 'Europe/Moscow', [party]);
    expect(kept.map((occurrence) => occurrence.recurrenceId)).toEqual([
      '2025-10-31T10:00',
      '2025-11-01T10:00',
    ]);
    expect(skipped).toEqual([
      { recurrenceId: '2025-11-02T10:00', partyCode: 'RU', reason: 'weekend' },
      { recurrenceId: '2025-11-03T10:00', partyCode: 'RU', reason: 'extra_non_working_day' },
    ]);
  });

  it('judges the date in the zone of record, even where Moscow is still on the day before', () => {
    const [occurrence] = dailyAtTen('Asia/Tehran', '2026-01-10', 1, '00:15');
    expect(occurrence.startsAt.toISOString()).toBe('2026-01-09T20:45:00.000Z');
    const { kept, skipped } = filterWorkingOccurrences([occurrence], 'Asia/Tehran', [iran, russia]);
    expect(kept).toEqual([]);
    expect(skipped).toEqual([{ recurrenceId: '2026-01-10T00:15', partyCode: 'RU', reason: 'weekend' }]);
  });
});
