import { idsOf, occurrencesOf, utcStartsOf } from './expand.fixture.js';
import { localTimeOf } from '../../common/time/wall-clock.js';

describe('expandSeries on real zones', () => {
  it('keeps a weekly Moscow series at 10:00, 07:00Z, with the duration added', () => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      timeZone: 'Europe/Moscow',
      startDate: '2026-02-03',
      startTime: '10:00',
    });
    expect(idsOf(occurrences)).toEqual([
      '2026-02-03T10:00',
      '2026-02-10T10:00',
      '2026-02-17T10:00',
      '2026-02-24T10:00',
    ]);
    expect(utcStartsOf(occurrences)).toEqual([
      '2026-02-03T07:00:00.000Z',
      '2026-02-10T07:00:00.000Z',
      '2026-02-17T07:00:00.000Z',
      '2026-02-24T07:00:00.000Z',
    ]);
    expect(occurrences[0].endsAt.toISOString()).toBe('2026-02-03T08:30:00.000Z');
  });

  it('follows Moscow from UTC+4 to UTC+3 on 2014-10-26 without moving the wall time', () => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=WEEKLY;COUNT=4',
      timeZone: 'Europe/Moscow',
      startDate: '2014-10-13',
      startTime: '10:00',
    });
    expect(idsOf(occurrences)).toEqual([
      '2014-10-13T10:00',
      '2014-10-20T10:00',
      '2014-10-27T10:00',
      '2014-11-03T10:00',
    ]);
    expect(utcStartsOf(occurrences)).toEqual([
      '2014-10-13T06:00:00.000Z',
      '2014-10-20T06:00:00.000Z',
      '2014-10-27T07:00:00.000Z',
      '2014-11-03T07:00:00.000Z',
    ]);
  });

  it('expands "last Wednesday" in Tehran across the end of Iranian DST on 2022-09-22', () => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=MONTHLY;BYDAY=-1WE;COUNT=14',
      timeZone: 'Asia/Tehran',
      startDate: '2022-06-29',
      startTime: '10:00',
    });
    expect(idsOf(occurrences)).toEqual([
      '2022-06-29T10:00',
      '2022-07-27T10:00',
      '2022-08-31T10:00',
      '2022-09-28T10:00',
      '2022-10-26T10:00',
      '2022-11-30T10:00',
      '2022-12-28T10:00',
      '2023-01-25T10:00',
      '2023-02-22T10:00',
      '2023-03-29T10:00',
      '2023-04-26T10:00',
      '2023-05-31T10:00',
      '2023-06-28T10:00',
      '2023-07-26T10:00',
    ]);
    const utcStarts = utcStartsOf(occurrences);
    expect(utcStarts.slice(0, 3)).toEqual([
      '2022-06-29T05:30:00.000Z',
      '2022-07-27T05:30:00.000Z',
      '2022-08-31T05:30:00.000Z',
    ]);
    expect(utcStarts[3]).toBe('2022-09-28T06:30:00.000Z');
    expect(utcStarts[12]).toBe('2023-06-28T06:30:00.000Z');
  });

  it('keeps a weekly Berlin series at 10:00 across both DST changes of 2026', () => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=WEEKLY;UNTIL=20261102',
      timeZone: 'Europe/Berlin',
      startDate: '2026-03-23',
      startTime: '10:00',
    });
    expect(occurrences).toHaveLength(33);
    expect(
      new Set(occurrences.map((occurrence) => localTimeOf(occurrence.startsAt, 'Europe/Berlin'))),
    ).toEqual(new Set(['10:00']));
    const startsById = new Map(
      occurrences.map((occurrence) => [occurrence.recurrenceId, occurrence.startsAt]),
    );
    expect(startsById.get('2026-03-23T10:00')?.toISOString()).toBe('2026-03-23T09:00:00.000Z');
    expect(startsById.get('2026-03-30T10:00')?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(startsById.get('2026-10-19T10:00')?.toISOString()).toBe('2026-10-19T08:00:00.000Z');
    expect(startsById.get('2026-10-26T10:00')?.toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(occurrences.at(-1)?.recurrenceId).toBe('2026-11-02T10:00');
  });

  it.each([
    ['2026-03-01', ['2026-03-01T15:00:00.000Z', '2026-03-08T14:00:00.000Z', '2026-03-15T14:00:00.000Z']],
    ['2026-10-25', ['2026-10-25T14:00:00.000Z', '2026-11-01T15:00:00.000Z', '2026-11-08T15:00:00.000Z']],
  ])('keeps a Sunday New York series from %s at 10:00 across the change', (startDate, utcStarts) => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=WEEKLY;COUNT=3',
      timeZone: 'America/New_York',
      startDate,
      startTime: '10:00',
    });
    expect(utcStartsOf(occurrences)).toEqual(utcStarts);
  });
});

describe('expandSeries rule semantics', () => {
  it.each([
    ['a Tuesday start', '2026-01-06', ['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17']],
    [
      'a Monday start in the same week',
      '2026-01-05',
      ['2026-01-06', '2026-01-20', '2026-02-03', '2026-02-17'],
    ],
    [
      'a Wednesday start, after that week’s Tuesday',
      '2026-01-07',
      ['2026-01-20', '2026-02-03', '2026-02-17', '2026-03-03'],
    ],
  ])('counts "every second Tuesday" from the start’s week for %s', (_label, startDate, dates) => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=4',
      timeZone: 'Europe/Moscow',
      startDate,
      startTime: '10:00',
    });
    expect(idsOf(occurrences)).toEqual(dates.map((date) => `${date}T10:00`));
  });

  it.each([
    ['MO', ['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24']],
    ['SU', ['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31']],
  ])('follows the RFC 5545 WKST=%s example', (weekStart, dates) => {
    const occurrences = occurrencesOf({
      rule: `FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=${weekStart}`,
      timeZone: 'America/New_York',
      startDate: '1997-08-05',
      startTime: '09:00',
    });
    expect(idsOf(occurrences)).toEqual(dates.map((date) => `${date}T09:00`));
  });

  it.each([
    ['FREQ=MONTHLY;COUNT=4', '2026-01-31', ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31']],
    ['FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', '2026-01-31', ['2026-01-31', '2026-02-28', '2026-03-31']],
    ['FREQ=MONTHLY;BYDAY=2TU;COUNT=3', '2026-01-01', ['2026-01-13', '2026-02-10', '2026-03-10']],
    ['FREQ=MONTHLY;BYDAY=2TU;COUNT=2', '2026-01-20', ['2026-02-10', '2026-03-10']],
    ['FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;COUNT=3', '2026-01-01', ['2026-02-13', '2026-03-13', '2026-11-13']],
    [
      'FREQ=DAILY;BYMONTHDAY=1,-1;COUNT=4',
      '2026-01-01',
      ['2026-01-01', '2026-01-31', '2026-02-01', '2026-02-28'],
    ],
    ['FREQ=DAILY;INTERVAL=2;BYDAY=MO,FR;COUNT=3', '2026-01-01', ['2026-01-05', '2026-01-09', '2026-01-19']],
  ])('expands %s from %s', (rule, startDate, dates) => {
    const occurrences = occurrencesOf({ rule, timeZone: 'Europe/Moscow', startDate, startTime: '10:00' });
    expect(idsOf(occurrences)).toEqual(dates.map((date) => `${date}T10:00`));
  });

  it('moves a wall time in the Berlin DST gap forward by 60 minutes and says so', () => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=DAILY;COUNT=4',
      timeZone: 'Europe/Berlin',
      startDate: '2026-03-27',
      startTime: '02:30',
    });
    expect(idsOf(occurrences)).toEqual([
      '2026-03-27T02:30',
      '2026-03-28T02:30',
      '2026-03-29T02:30',
      '2026-03-30T02:30',
    ]);
    expect(utcStartsOf(occurrences)).toEqual([
      '2026-03-27T01:30:00.000Z',
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    const shifted = occurrences[2];
    expect(localTimeOf(shifted.startsAt, 'Europe/Berlin')).toBe('03:30');
    expect(shifted.shiftedMinutes).toBe(60);
    expect(shifted.note).toBe(
      '02:30 does not exist in Europe/Berlin on 2026-03-29 (clocks go forward 60 minutes); this occurrence starts at 03:30',
    );
    expect(occurrences[1].shiftedMinutes).toBeUndefined();
    expect(occurrences[1].note).toBeUndefined();
  });

  it.each([
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
  ])(
    'takes the earlier instant of a repeated wall time in %s',
    (timeZone, startDate, startTime, utcStart) => {
      const [occurrence] = occurrencesOf({ rule: 'FREQ=DAILY;COUNT=1', timeZone, startDate, startTime });
      expect(occurrence.startsAt.toISOString()).toBe(utcStart);
      expect(occurrence.shiftedMinutes).toBeUndefined();
    },
  );

  it.each([
    ['a local UNTIL date, whole day included', 'UNTIL=20260105', 5],
    ['a UTC UNTIL at the last start exactly', 'UNTIL=20260105T070000Z', 5],
    ['a UTC UNTIL one second before it', 'UNTIL=20260105T065959Z', 4],
    ['COUNT', 'COUNT=3', 3],
  ])('ends a daily Moscow series with %s', (_label, end, expectedLength) => {
    const occurrences = occurrencesOf({
      rule: `FREQ=DAILY;${end}`,
      timeZone: 'Europe/Moscow',
      startDate: '2026-01-01',
      startTime: '10:00',
    });
    expect(occurrences).toHaveLength(expectedLength);
    expect(occurrences.at(-1)?.recurrenceId).toBe(`2026-01-0${expectedLength}T10:00`);
  });

  it('allows the last occurrence exactly five years after the start', () => {
    const occurrences = occurrencesOf({
      rule: 'FREQ=MONTHLY;COUNT=61',
      timeZone: 'Asia/Tehran',
      startDate: '2026-01-15',
      startTime: '10:00',
    });
    expect(occurrences.at(-1)?.recurrenceId).toBe('2031-01-15T10:00');
  });
});
