import { isValidTimeZone, timeZoneProblem } from './time-zones.js';

describe('isValidTimeZone', () => {
  it.each([
    'Asia/Tehran',
    'Europe/Moscow',
    'Europe/Berlin',
    'America/New_York',
    'America/Argentina/Buenos_Aires',
    'UTC',
    'Etc/UTC',
    'Asia/Kolkata',
    'Europe/Kyiv',
    'Pacific/Kiritimati',
    'America/Port-au-Prince',
    'Europe/Bratislava',
  ])('accepts %s', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
    expect(timeZoneProblem(name)).toBeUndefined();
  });

  it.each([
    ['Asia/Teheran', 'Asia/Teheran is a deprecated alias; use Asia/Tehran'],
    ['Asia/Calcutta', 'Asia/Calcutta is a deprecated alias; use Asia/Kolkata'],
    ['asia/calcutta', 'asia/calcutta is a deprecated alias; use Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kiev is a deprecated alias; use Europe/Kyiv'],
    [
      'America/Buenos_Aires',
      'America/Buenos_Aires is a deprecated alias; use America/Argentina/Buenos_Aires',
    ],
    ['Iran', 'Iran is a deprecated alias; use Asia/Tehran'],
    ['W-SU', 'W-SU is a deprecated alias; use Europe/Moscow'],
    ['US/Eastern', 'US/Eastern is a deprecated alias; use America/New_York'],
    ['us/eastern', 'us/eastern is a deprecated alias; use America/New_York'],
    ['EST5EDT', 'EST5EDT is a deprecated alias; use America/New_York'],
    ['GMT', 'GMT is a deprecated alias; use UTC'],
    ['Etc/GMT+0', 'Etc/GMT+0 is a deprecated alias; use UTC'],
    ['Zulu', 'Zulu is a deprecated alias; use UTC'],
    [
      'Etc/GMT+3',
      'Etc/GMT+3 is a fixed offset (in POSIX sign, meaning UTC−3), not a place; use a zone such as Europe/Moscow, or UTC',
    ],
    ['GMT+3', 'GMT+3 is a fixed offset, not a place; use a zone such as Europe/Moscow, or UTC'],
    ['+03:00', '"+03:00" is not an IANA time zone name (like Asia/Tehran or Europe/Moscow)'],
    ['Mars/Olympus', 'unknown time zone "Mars/Olympus"; use an IANA name like Asia/Tehran'],
    ['', 'a time zone is required, e.g. Asia/Tehran'],
    ['asia/tehran', 'time zone names are case-sensitive; use Asia/Tehran'],
    ['ASIA/KOLKATA', 'time zone names are case-sensitive; use Asia/Kolkata'],
    ['utc', 'time zone names are case-sensitive; use UTC'],
    ['Europe/Moscow ', '"Europe/Moscow " is not an IANA time zone name (like Asia/Tehran or Europe/Moscow)'],
    [' Europe/Moscow', '" Europe/Moscow" is not an IANA time zone name (like Asia/Tehran or Europe/Moscow)'],
  ])('rejects %j: %s', (name, message) => {
    expect(isValidTimeZone(name)).toBe(false);
    expect(timeZoneProblem(name)).toBe(message);
  });

  it('suggests only names it accepts', () => {
    const suggestions = ['Asia/Teheran', 'Pacific/Truk', 'America/Godthab', 'Australia/ACT', 'Canada/Pacific']
      .map((name) => /use (\S+)$/.exec(timeZoneProblem(name) ?? '')?.[1] ?? '')
      .map((suggestion) => [suggestion, isValidTimeZone(suggestion)]);
    expect(suggestions).toEqual([
      ['Asia/Tehran', true],
      ['Pacific/Chuuk', true],
      ['America/Nuuk', true],
      ['Australia/Sydney', true],
      ['America/Vancouver', true],
    ]);
  });
});
