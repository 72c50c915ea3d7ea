import { readWallTime, ruleForReaders, wallMillisOf } from './dst-corners.js';

const iso = (instants: number[]) => instants.map((instant) => new Date(instant).toISOString());

describe('readWallTime', () => {
  it.each<[string, string, string, string[]]>([
    ['Europe/Berlin', '2027-03-28T02:30', 'gap', ['2027-03-28T01:30:00.000Z', '2027-03-28T00:30:00.000Z']],
    ['Europe/Berlin', '2027-10-31T02:30', 'fold', ['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z']],
    ['Europe/Berlin', '2027-10-31T03:30', 'plain', ['2027-10-31T02:30:00.000Z']],
    [
      'America/New_York',
      '2027-11-07T01:30',
      'fold',
      ['2027-11-07T05:30:00.000Z', '2027-11-07T06:30:00.000Z'],
    ],
    [
      'Australia/Lord_Howe',
      '2027-10-03T02:15',
      'gap',
      ['2027-10-02T15:45:00.000Z', '2027-10-02T15:15:00.000Z'],
    ],
    [
      'Australia/Lord_Howe',
      '2027-04-04T01:45',
      'fold',
      ['2027-04-03T14:45:00.000Z', '2027-04-03T15:15:00.000Z'],
    ],
    ['Pacific/Chatham', '2027-09-26T03:00', 'gap', ['2027-09-25T14:15:00.000Z', '2027-09-25T13:15:00.000Z']],
    ['Asia/Tehran', '2021-03-22T00:30', 'gap', ['2021-03-21T21:00:00.000Z', '2021-03-21T20:00:00.000Z']],
    ['Asia/Tehran', '2021-09-21T23:30', 'fold', ['2021-09-21T19:00:00.000Z', '2021-09-21T20:00:00.000Z']],
    ['Asia/Tehran', '2023-09-21T23:30', 'plain', ['2023-09-21T20:00:00.000Z']],
    ['Europe/Moscow', '2011-03-27T02:30', 'gap', ['2011-03-26T23:30:00.000Z', '2011-03-26T22:30:00.000Z']],
    ['Europe/Moscow', '2014-10-26T01:30', 'fold', ['2014-10-25T21:30:00.000Z', '2014-10-25T22:30:00.000Z']],
  ])('%s %s is %s, read as %j (RFC 5545 first)', (zone, wall, kind, instants) => {
    const reading = readWallTime(zone, wallMillisOf(wall));
    expect({ kind: reading.kind, instants: iso(reading.instants) }).toEqual({ kind, instants });
  });
});

describe('ruleForReaders', () => {
  const instance = (wallTime: string, startsAt: string) => ({ wallTime, startsAt: new Date(startsAt) });

  it('leaves a rule without a gap instance as it is', () => {
    const instances = [
      instance('2027-11-06T01:30', '2027-11-06T05:30:00Z'),
      instance('2027-11-07T01:30', '2027-11-07T05:30:00Z'),
    ];
    expect(ruleForReaders('FREQ=DAILY;COUNT=2', 'America/New_York', instances)).toBe('FREQ=DAILY;COUNT=2');
  });

  it('turns COUNT into UNTIL, a daily rule into every weekday, and names the hour past a gap', () => {
    const instances = [
      instance('2027-03-27T02:30', '2027-03-27T01:30:00Z'),
      instance('2027-03-28T02:30', '2027-03-28T01:30:00Z'),
    ];
    expect([
      ruleForReaders('FREQ=DAILY;COUNT=2', 'Europe/Berlin', instances),
      ruleForReaders('FREQ=DAILY;INTERVAL=1;BYDAY=SA,SU;COUNT=2', 'Europe/Berlin', instances),
      ruleForReaders('FREQ=DAILY;INTERVAL=2;UNTIL=20270401T000000Z', 'Europe/Berlin', instances),
    ]).toEqual([
      'FREQ=WEEKLY;UNTIL=20270328T013000Z;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=2;BYMINUTE=30',
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=SA,SU;UNTIL=20270328T013000Z;BYHOUR=2;BYMINUTE=30',
      'FREQ=DAILY;INTERVAL=2;UNTIL=20270401T000000Z;BYHOUR=2;BYMINUTE=30',
    ]);
  });
});
