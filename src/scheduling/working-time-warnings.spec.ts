import { DateTime } from 'luxon';
import { iran, russia } from './iran-russia.fixture.js';
import { partyDay } from './working-calendar.js';
import { workingTimeWarnings } from './working-time-warnings.js';

const moscow = (from: string, to: string) => ({
  start: DateTime.fromISO(from, { zone: 'Europe/Moscow' }).toMillis(),
  end: DateTime.fromISO(to, { zone: 'Europe/Moscow' }).toMillis(),
});
const warn = (from: string, to: string) =>
  workingTimeWarnings([iran, russia], moscow(from, to)).map(({ code, partyCode, message }) => ({
    code,
    partyCode,
    message,
  }));

describe('workingTimeWarnings', () => {
  it.each([
    ['a Monday inside both parties’ hours', '2026-12-07T10:00', '2026-12-07T12:00', []],
    [
      'a Friday',
      '2026-12-11T10:00',
      '2026-12-11T12:00',
      [{ code: 'non_working_day', partyCode: 'IR', message: 'Friday is not a working day for IR' }],
    ],
    [
      'a Moscow evening',
      '2026-12-07T22:00',
      '2026-12-07T23:30',
      [
        {
          code: 'outside_working_hours',
          partyCode: 'IR',
          message: "22:30–00:00 Tehran is outside IR's working hours (09:00–17:00)",
        },
        {
          code: 'outside_working_hours',
          partyCode: 'RU',
          message: "22:00–23:30 Moscow is outside RU's working hours (09:00–17:00)",
        },
      ],
    ],
    [
      'Moscow 16:45, after Tehran’s 17:00 close',
      '2026-12-07T16:30',
      '2026-12-07T17:00',
      [
        {
          code: 'outside_working_hours',
          partyCode: 'IR',
          message: "17:00–17:30 Tehran is outside IR's working hours (09:00–17:00)",
        },
      ],
    ],
    [
      'Nowruz 2027',
      '2027-03-22T10:00',
      '2027-03-22T11:00',
      [{ code: 'holiday', partyCode: 'IR', message: '2027-03-22 is a public holiday for IR (نوروز)' }],
    ],
    [
      'Russia’s New Year week',
      '2027-01-05T10:00',
      '2027-01-05T11:00',
      [
        {
          code: 'holiday',
          partyCode: 'IR',
          message: expect.stringMatching(/^2027-01-05 is a public holiday for IR/),
        },
        {
          code: 'holiday',
          partyCode: 'RU',
          message: '2027-01-05 is a public holiday for RU (Новогодние каникулы)',
        },
      ],
    ],
  ])('%s', (_label, from, to, expected) => {
    expect(warn(from, to)).toEqual(expected);
  });

  it('judges a holiday on the party’s own local date, not the UTC day', () => {
    // 23:45 Moscow on 20 March is 00:15 on 21 March (Nowruz) in Tehran, and still 20 March in UTC.
    const interval = moscow('2027-03-19T23:40', '2027-03-19T23:50');
    expect(new Date(interval.start).toISOString().slice(0, 10)).toBe('2027-03-19');
    const [warning] = workingTimeWarnings([iran], interval);
    expect(warning.message).toBe('2027-03-20 is a public holiday for IR (ملی شدن صنعت نفت)');
    expect(partyDay(iran, '2027-03-20').hours).toBeNull();
    expect(partyDay(russia, '2027-03-22').hours).toEqual(moscow('2027-03-22T09:00', '2027-03-22T17:00'));
  });

  it('names the party by id and code', () => {
    expect(workingTimeWarnings([iran], moscow('2026-12-10T10:00', '2026-12-10T11:00'))).toEqual([
      {
        code: 'non_working_day',
        partyId: 'party-ir',
        partyCode: 'IR',
        message: 'Thursday is not a working day for IR',
      },
    ]);
  });
});
