import { displayTimes, localIso, parseZoneList, utcIso } from './zoned-time.js';

describe('localIso and utcIso', () => {
  const instant = new Date('2026-12-01T07:00:00.999Z');
  it.each([
    ['Europe/Moscow', '2026-12-01T10:00:00+03:00'],
    ['Asia/Tehran', '2026-12-01T10:30:00+03:30'],
    ['UTC', '2026-12-01T07:00:00+00:00'],
    ['America/New_York', '2026-12-01T02:00:00-05:00'],
    ['America/Los_Angeles', '2026-11-30T23:00:00-08:00'],
    ['Pacific/Kiritimati', '2026-12-01T21:00:00+14:00'],
  ])('in %s shows %s, without milliseconds', (zone, expected) => {
    expect(localIso(instant, zone)).toBe(expected);
  });

  it('shows Tehran with its 2021 summer offset', () => {
    expect(localIso(new Date('2021-07-01T05:30:00Z'), 'Asia/Tehran')).toBe('2021-07-01T10:00:00+04:30');
  });

  it('gives UTC with Z and no milliseconds', () => {
    expect(utcIso(instant)).toBe('2026-12-01T07:00:00Z');
  });

  it('refuses to guess an unknown zone', () => {
    expect(() => localIso(instant, 'Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
  });
});

describe('displayTimes', () => {
  function shown(startUtc: string, endUtc: string, zoneOfRecord: string, zones: string[]) {
    return displayTimes(new Date(startUtc), new Date(endUtc), zoneOfRecord, zones);
  }

  it('shows 10:00 in Moscow as 10:30 in Tehran in 2026', () => {
    expect(shown('2026-07-01T07:00:00Z', '2026-07-01T09:00:00Z', 'Europe/Moscow', ['Asia/Tehran'])).toEqual([
      {
        timeZone: 'Asia/Tehran',
        start: '2026-07-01T10:30:00+03:30',
        end: '2026-07-01T12:30:00+03:30',
        dayOffset: 0,
      },
    ]);
  });

  it.each([
    // Tehran on summer time in 2021 was an hour and a half ahead of Moscow; in 2026 half an hour.
    ['2021-07-01T05:30:00Z', '2021-07-01T08:30:00+03:00'],
    ['2026-07-01T06:30:00Z', '2026-07-01T09:30:00+03:00'],
  ])('shows 10:00 in Tehran (%s) as %s in Moscow', (startUtc, moscowStart) => {
    const [moscow] = shown(startUtc, startUtc, 'Asia/Tehran', ['Europe/Moscow']);
    expect(moscow.start).toBe(moscowStart);
  });

  it('gives each zone once, in the order asked, with the day it falls on', () => {
    // 23:30 on 1 December in Moscow.
    const times = shown('2026-12-01T20:30:00Z', '2026-12-01T22:00:00Z', 'Europe/Moscow', [
      'Europe/Moscow',
      'Asia/Tehran',
      'America/Los_Angeles',
      'Asia/Tehran',
      'Pacific/Kiritimati',
    ]);
    expect(times).toEqual([
      {
        timeZone: 'Europe/Moscow',
        start: '2026-12-01T23:30:00+03:00',
        end: '2026-12-02T01:00:00+03:00',
        dayOffset: 0,
      },
      {
        timeZone: 'Asia/Tehran',
        start: '2026-12-02T00:00:00+03:30',
        end: '2026-12-02T01:30:00+03:30',
        dayOffset: 1,
      },
      {
        timeZone: 'America/Los_Angeles',
        start: '2026-12-01T12:30:00-08:00',
        end: '2026-12-01T14:00:00-08:00',
        dayOffset: 0,
      },
      {
        timeZone: 'Pacific/Kiritimati',
        start: '2026-12-02T10:30:00+14:00',
        end: '2026-12-02T12:00:00+14:00',
        dayOffset: 1,
      },
    ]);
  });

  it('gives -1 where the local date is the day before', () => {
    // 08:00 on 1 December in Moscow is still 30 November in Los Angeles.
    const [losAngeles] = shown('2026-12-01T05:00:00Z', '2026-12-01T06:00:00Z', 'Europe/Moscow', [
      'America/Los_Angeles',
    ]);
    expect(losAngeles).toEqual({
      timeZone: 'America/Los_Angeles',
      start: '2026-11-30T21:00:00-08:00',
      end: '2026-11-30T22:00:00-08:00',
      dayOffset: -1,
    });
  });

  it('shows Honolulu on the same clock time as Kiritimati, a day earlier', () => {
    const [honolulu] = shown('2026-12-01T00:30:00Z', '2026-12-01T01:00:00Z', 'Pacific/Kiritimati', [
      'Pacific/Honolulu',
    ]);
    expect([honolulu.start, honolulu.dayOffset]).toEqual(['2026-11-30T14:30:00-10:00', -1]);
  });
});

describe('parseZoneList', () => {
  it.each([
    [undefined, []],
    ['', []],
    [',, ,', []],
    ['Asia/Tehran', ['Asia/Tehran']],
    ['Asia/Tehran,Europe/Moscow', ['Asia/Tehran', 'Europe/Moscow']],
    [
      [' Asia/Tehran , Europe/Moscow', 'Asia/Tehran', 'UTC'],
      ['Asia/Tehran', 'Europe/Moscow', 'UTC'],
    ],
    [
      ['Mars/Olympus', 'asia/tehran'],
      ['Mars/Olympus', 'asia/tehran'],
    ],
  ])('%j gives %j', (raw, expected) => {
    expect(parseZoneList(raw)).toEqual(expected);
  });
});
