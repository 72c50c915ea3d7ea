import { formatRule, parseRule, type RecurrenceRule, ruleProblems } from './rrule.js';

const SUPPORTED = 'a rule may use FREQ, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL, WKST';

function ruleOf(text: string): RecurrenceRule {
  const parsed = parseRule(text);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.rule;
}

describe('parseRule accepts the supported subset', () => {
  it.each<[string, RecurrenceRule]>([
    [
      'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10',
      { freq: 'WEEKLY', interval: 2, byDay: [{ weekday: 2 }], count: 10 },
    ],
    [
      'FREQ=MONTHLY;BYDAY=-1WE;UNTIL=20270101',
      { freq: 'MONTHLY', interval: 1, byDay: [{ weekday: 3, ordinal: -1 }], until: '2027-01-01' },
    ],
    [
      'freq=monthly;byday=2tu,+3FR;count=5',
      {
        freq: 'MONTHLY',
        interval: 1,
        byDay: [
          { weekday: 2, ordinal: 2 },
          { weekday: 5, ordinal: 3 },
        ],
        count: 5,
      },
    ],
    [
      'FREQ=MONTHLY;BYMONTHDAY=1,-1;UNTIL=20270101T000000Z',
      { freq: 'MONTHLY', interval: 1, byMonthDay: [1, -1], until: '2027-01-01T00:00:00Z' },
    ],
    ['  FREQ=DAILY;COUNT=5;WKST=SU;  ', { freq: 'DAILY', interval: 1, count: 5, wkst: 7 }],
    [
      'FREQ=MONTHLY;BYDAY=MO,TU,MO,+1FR,1FR;COUNT=3',
      {
        freq: 'MONTHLY',
        interval: 1,
        byDay: [{ weekday: 1 }, { weekday: 2 }, { weekday: 5, ordinal: 1 }],
        count: 3,
      },
    ],
  ])('%s', (text, rule) => {
    expect(parseRule(text)).toEqual({ rule });
  });
});

describe('parseRule rejects with a reason', () => {
  it.each<[string, string, string[]]>([
    ['the empty rule', 'RRULE:', ['the rule is empty']],
    ['SECONDLY', 'FREQ=SECONDLY;COUNT=3', ['FREQ must be DAILY, WEEKLY or MONTHLY (got SECONDLY)']],
    ['HOURLY', 'FREQ=HOURLY;COUNT=3', ['FREQ must be DAILY, WEEKLY or MONTHLY (got HOURLY)']],
    ['YEARLY', 'FREQ=YEARLY;COUNT=3', ['FREQ must be DAILY, WEEKLY or MONTHLY (got YEARLY)']],
    ['a missing FREQ', 'INTERVAL=2;COUNT=3', ['FREQ is required']],
    ['BYSETPOS', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1;COUNT=3', [`BYSETPOS is not supported; ${SUPPORTED}`]],
    ['BYHOUR', 'FREQ=DAILY;BYHOUR=9;COUNT=3', [`BYHOUR is not supported; ${SUPPORTED}`]],
    ['BYMONTH', 'FREQ=MONTHLY;BYMONTH=3;COUNT=3', [`BYMONTH is not supported; ${SUPPORTED}`]],
    ['an invented part', 'FREQ=DAILY;COLOR=RED;COUNT=3', [`COLOR is not an RRULE part; ${SUPPORTED}`]],
    ['a part without a value', 'FREQ=DAILY;COUNT', ['"COUNT" is not a NAME=VALUE part']],
    [
      'an ordinal out of range',
      'FREQ=MONTHLY;BYDAY=9MO;COUNT=3',
      ['BYDAY=9MO: the ordinal must be 1 to 5 or -1 to -5'],
    ],
    [
      'a zero ordinal',
      'FREQ=MONTHLY;BYDAY=0MO;COUNT=3',
      ['BYDAY=0MO: the ordinal must be 1 to 5 or -1 to -5'],
    ],
    [
      'an ordinal with WEEKLY',
      'FREQ=WEEKLY;BYDAY=2TU;COUNT=3',
      ['BYDAY=2TU: ordinals such as 2TU or -1FR are only allowed with FREQ=MONTHLY'],
    ],
    [
      'an ordinal with DAILY',
      'FREQ=DAILY;BYDAY=-1FR;COUNT=3',
      ['BYDAY=-1FR: ordinals such as 2TU or -1FR are only allowed with FREQ=MONTHLY'],
    ],
    [
      'an unknown weekday',
      'FREQ=WEEKLY;BYDAY=MO,XX;COUNT=3',
      ['BYDAY: "XX" is not a weekday such as MO, 2TU or -1FR'],
    ],
    [
      'BYMONTHDAY=0',
      'FREQ=MONTHLY;BYMONTHDAY=0;COUNT=3',
      ['BYMONTHDAY=0: days must be 1 to 31 or -1 to -31'],
    ],
    [
      'BYMONTHDAY=-32',
      'FREQ=MONTHLY;BYMONTHDAY=-32;COUNT=3',
      ['BYMONTHDAY=-32: days must be 1 to 31 or -1 to -31'],
    ],
    [
      'a malformed BYMONTHDAY',
      'FREQ=MONTHLY;BYMONTHDAY=1,,15;COUNT=3',
      ['BYMONTHDAY must list days such as 1, 15 or -1 (got 1,,15)'],
    ],
    [
      'BYMONTHDAY with WEEKLY',
      'FREQ=WEEKLY;BYMONTHDAY=1;COUNT=3',
      ['BYMONTHDAY cannot be used with FREQ=WEEKLY'],
    ],
    [
      'both COUNT and UNTIL',
      'FREQ=DAILY;COUNT=3;UNTIL=20270101',
      ['COUNT and UNTIL cannot both be given: a series ends one way'],
    ],
    [
      'neither COUNT nor UNTIL',
      'FREQ=WEEKLY;BYDAY=TU',
      ['a series needs COUNT or UNTIL: open-ended series are not supported'],
    ],
    [
      'INTERVAL=0',
      'FREQ=DAILY;INTERVAL=0;COUNT=3',
      ['INTERVAL must be a whole number of at least 1 (got 0)'],
    ],
    ['INTERVAL=-1', 'FREQ=DAILY;INTERVAL=-1;COUNT=3', ['INTERVAL must be a whole number (got -1)']],
    ['INTERVAL=1.5', 'FREQ=DAILY;INTERVAL=1.5;COUNT=3', ['INTERVAL must be a whole number (got 1.5)']],
    ['COUNT=0', 'FREQ=DAILY;COUNT=0', ['COUNT must be a whole number of at least 1 (got 0)']],
    ['COUNT=TEN', 'FREQ=DAILY;COUNT=TEN', ['COUNT must be a whole number (got TEN)']],
    [
      'a floating UNTIL',
      'FREQ=DAILY;UNTIL=20270101T000000',
      ['UNTIL=20270101T000000 has no Z: RFC 5545 wants UNTIL in UTC when the start has a time zone'],
    ],
    ['an impossible UNTIL', 'FREQ=DAILY;UNTIL=20270230', ['UNTIL=20270230 is not a real date or time']],
    [
      'an ISO UNTIL',
      'FREQ=DAILY;UNTIL=2027-01-01',
      ['UNTIL must be a date (20270101) or a UTC date-time (20270101T000000Z), got 2027-01-01'],
    ],
    ['an unknown WKST', 'FREQ=WEEKLY;WKST=XX;COUNT=3', ['WKST must be MO to SU (got XX)']],
    ['a repeated FREQ', 'FREQ=DAILY;FREQ=WEEKLY;COUNT=2', ['FREQ is given more than once']],
    ['a repeated COUNT', 'FREQ=DAILY;COUNT=2;COUNT=3', ['COUNT is given more than once']],
    [
      'several mistakes at once',
      'FREQ=YEARLY;BYHOUR=9',
      [
        `BYHOUR is not supported; ${SUPPORTED}`,
        'FREQ must be DAILY, WEEKLY or MONTHLY (got YEARLY)',
        'a series needs COUNT or UNTIL: open-ended series are not supported',
      ],
    ],
  ])('%s', (_label, text, problems) => {
    expect(parseRule(text)).toEqual({ problems });
  });
});

describe('ruleProblems', () => {
  it('accepts a parsed rule', () => {
    expect(ruleProblems(ruleOf('FREQ=MONTHLY;BYDAY=2TU,-1FR;COUNT=12'))).toEqual([]);
  });

  it('checks a hand-built rule, including its FREQ and UNTIL', () => {
    const rule = { freq: 'YEARLY', interval: 1, until: '2027-01-01T10:00' } as unknown as RecurrenceRule;
    expect(ruleProblems(rule)).toEqual([
      'FREQ must be DAILY, WEEKLY or MONTHLY (got YEARLY)',
      'until must be a date YYYY-MM-DD or a UTC instant YYYY-MM-DDTHH:mm:ssZ (got 2027-01-01T10:00)',
    ]);
  });
});

describe('formatRule', () => {
  it.each([
    [
      'rrule:freq=weekly;byday=tu;interval=2;count=10',
      'Europe/Moscow',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10',
    ],
    [
      'FREQ=MONTHLY;BYDAY=-1WE;UNTIL=20270101',
      'Europe/Moscow',
      'FREQ=MONTHLY;BYDAY=-1WE;UNTIL=20270101T205959Z',
    ],
    [
      'FREQ=MONTHLY;BYDAY=-1WE;UNTIL=20270101',
      'Asia/Tehran',
      'FREQ=MONTHLY;BYDAY=-1WE;UNTIL=20270101T202959Z',
    ],
    ['FREQ=WEEKLY;UNTIL=20260701', 'Europe/Berlin', 'FREQ=WEEKLY;UNTIL=20260701T215959Z'],
    ['FREQ=WEEKLY;UNTIL=20261231', 'Europe/Berlin', 'FREQ=WEEKLY;UNTIL=20261231T225959Z'],
    ['FREQ=DAILY;UNTIL=20260101', 'Pacific/Kiritimati', 'FREQ=DAILY;UNTIL=20260101T095959Z'],
    ['FREQ=DAILY;UNTIL=20270101T000000Z', 'Asia/Tehran', 'FREQ=DAILY;UNTIL=20270101T000000Z'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,-1;COUNT=6', 'UTC', 'FREQ=MONTHLY;BYMONTHDAY=1,-1;COUNT=6'],
    [
      'FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=TU,SU;COUNT=4',
      'America/New_York',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;COUNT=4;WKST=SU',
    ],
  ])('writes %s in %s as %s', (text, zone, formatted) => {
    expect(formatRule(ruleOf(text), zone)).toBe(formatted);
  });

  it('reads back what it writes', () => {
    const rule = ruleOf('FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU,-1FR;UNTIL=20270101T000000Z');
    expect(parseRule(formatRule(rule, 'Asia/Tehran'))).toEqual({ rule });
  });

  it('refuses an unknown zone', () => {
    expect(() => formatRule(ruleOf('FREQ=DAILY;COUNT=2'), 'Mars/Olympus')).toThrow(
      'unknown time zone Mars/Olympus',
    );
  });
});
