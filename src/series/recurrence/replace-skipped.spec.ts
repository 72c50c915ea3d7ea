import { DateTime } from 'luxon';
import { planSeries } from '../series-plan.js';
import type { PartyCalendar } from './non-working-days.js';

const iran: PartyCalendar = { code: 'IR', workWeek: [6, 7, 1, 2, 3], holidayCountry: 'IR' };
const russia: PartyCalendar = { code: 'RU', workWeek: [1, 2, 3, 4, 5], holidayCountry: 'RU' };

const plan = (
  replaceSkipped: 'none' | 'next_common_working_day',
  rrule = 'FREQ=WEEKLY;BYDAY=MO;COUNT=12',
  { startDate = '2027-03-01', durationMinutes = 90, parties = [iran, russia] } = {},
) => {
  const result = planSeries(
    {
      rrule,
      timeZone: 'Europe/Moscow',
      startDate,
      startTime: '10:00',
      durationMinutes,
      skipNonWorkingDays: true,
      replaceSkipped,
    },
    parties,
  );
  if ('problems' in result) throw new Error(JSON.stringify(result.problems));
  return result;
};
const localStarts = (occurrences: Array<{ startsAt: Date }>) =>
  occurrences.map((o) =>
    DateTime.fromJSDate(o.startsAt, { zone: 'Europe/Moscow' }).toFormat("yyyy-MM-dd'T'HH:mm"),
  );

describe('replaceSkipped', () => {
  it('leaves Women’s Day and Nowruz Mondays out with none: 10 of 12 meetings', () => {
    const result = plan('none');
    expect(result.occurrences).toHaveLength(10);
    expect(result.skipped.map((entry) => [entry.recurrenceId, entry.partyCode])).toEqual([
      ['2027-03-08T10:00', 'RU'],
      ['2027-03-22T10:00', 'IR'],
    ]);
    expect(result.replacements).toEqual([]);
  });

  it('holds each skipped meeting on the next day both parties work, keeping 12 meetings', () => {
    const result = plan('next_common_working_day');
    expect(result.occurrences).toHaveLength(12);
    // 9–10 March are Eid al-Fitr in Iran, 11–14 a weekend for one side or the other, 15 has a meeting.
    // 23 and 24 March are Nowruz too, 25–28 weekends again, Monday 29 has a meeting: Tuesday 30.
    expect(result.replacements).toEqual([
      {
        recurrenceId: '2027-03-08T10:00',
        replacedBy: '2027-03-16T10:00',
        startsAt: new Date('2027-03-16T07:00:00Z'),
      },
      {
        recurrenceId: '2027-03-22T10:00',
        replacedBy: '2027-03-30T10:00',
        startsAt: new Date('2027-03-30T07:00:00Z'),
      },
    ]);
    const moved = result.occurrences.find((o) => o.recurrenceId === '2027-03-22T10:00')!;
    expect(localStarts([moved])).toEqual(['2027-03-30T10:00']);
    expect(moved.endsAt.getTime() - moved.startsAt.getTime()).toBe(90 * 60_000);
    expect(localStarts(result.occurrences)).toEqual([...localStarts(result.occurrences)].sort());
  });

  it('keeps a daily series’ count through Russia’s New Year week', () => {
    const result = plan('next_common_working_day', 'FREQ=DAILY;COUNT=10', {
      startDate: '2026-12-28',
      durationMinutes: 60,
      parties: [russia],
    });
    expect(localStarts(result.occurrences).map((start) => start.slice(0, 10))).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-11',
      '2027-01-12',
      '2027-01-13',
      '2027-01-14',
      '2027-01-15',
      '2027-01-18',
    ]);
  });

  it('refuses a replacement without skipping, naming the field', () => {
    const result = planSeries(
      {
        rrule: 'FREQ=WEEKLY;COUNT=2',
        timeZone: 'Europe/Moscow',
        startDate: '2027-03-01',
        startTime: '10:00',
        durationMinutes: 60,
        skipNonWorkingDays: false,
        replaceSkipped: 'next_common_working_day',
      },
      [russia],
    );
    expect(result).toEqual({ problems: [expect.objectContaining({ path: 'replaceSkipped' })] });
  });
});
