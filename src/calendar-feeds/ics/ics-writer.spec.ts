import ICAL from 'ical.js';
import { plenarySession as session } from './ics-event.fixture.js';
import { type IcsCalendar, type IcsEvent, renderCalendar } from './ics-writer.js';

function calendarOf(events: IcsEvent[], overrides: Partial<IcsCalendar> = {}): IcsCalendar {
  return {
    prodId: '-//Quorum//Quorum 0.1//EN',
    name: 'Iran–Russia Joint Economic Committee',
    timeZone: 'Asia/Tehran',
    events,
    span: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') },
    ...overrides,
  };
}

function readVEvents(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

function instantOf(vevent: ICAL.Component, property: string): string {
  return (vevent.getFirstPropertyValue(property) as ICAL.Time).toJSDate().toISOString();
}

function unfoldedLines(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('renderCalendar instants read back by ical.js', () => {
  const cases: Array<[string, string, string]> = [
    ['Asia/Tehran', '2021-07-01T05:30:00.000Z', '20210701T100000'],
    ['Asia/Tehran', '2021-12-01T06:30:00.000Z', '20211201T100000'],
    ['Asia/Tehran', '2026-07-01T06:30:00.000Z', '20260701T100000'],
    ['Europe/Moscow', '2013-07-01T06:00:00.000Z', '20130701T100000'],
    ['Europe/Moscow', '2013-12-01T06:00:00.000Z', '20131201T100000'],
    ['Europe/Moscow', '2015-07-01T07:00:00.000Z', '20150701T100000'],
    ['Europe/Berlin', '2026-03-28T09:00:00.000Z', '20260328T100000'],
    ['Europe/Berlin', '2026-03-29T00:30:00.000Z', '20260329T013000'],
    ['Europe/Berlin', '2026-03-29T01:30:00.000Z', '20260329T033000'],
    ['Europe/Berlin', '2026-03-30T08:00:00.000Z', '20260330T100000'],
    ['Europe/Berlin', '2026-10-24T23:30:00.000Z', '20261025T013000'],
    ['Europe/Berlin', '2026-10-25T02:30:00.000Z', '20261025T033000'],
    ['Europe/Berlin', '2026-10-26T09:00:00.000Z', '20261026T100000'],
    ['America/New_York', '2026-03-07T15:00:00.000Z', '20260307T100000'],
    ['America/New_York', '2026-03-09T14:00:00.000Z', '20260309T100000'],
    ['America/New_York', '2026-11-02T15:00:00.000Z', '20261102T100000'],
  ];
  const ninetyMinutes = 90 * 60 * 1000;
  // One calendar whose requested span covers none of the events: the VTIMEZONEs must widen to them.
  const ics = renderCalendar(
    calendarOf(
      cases.map(([timeZone, startIso], index) =>
        session({
          uid: `event-${index}`,
          timeZone,
          start: new Date(startIso),
          end: new Date(new Date(startIso).getTime() + ninetyMinutes),
        }),
      ),
    ),
  );
  const vevents = readVEvents(ics);

  it.each(cases.map((testCase, index) => [...testCase, index] as const))(
    'writes %s %s as local %s and ical.js reads the same instant back',
    (timeZone, startIso, localStart, index) => {
      const vevent = vevents[index];
      expect(unfoldedLines(ics)).toContain(`DTSTART;TZID=${timeZone}:${localStart}`);
      expect(vevent.getFirstPropertyValue('uid')).toBe(`event-${index}`);
      expect(instantOf(vevent, 'dtstart')).toBe(startIso);
      expect(instantOf(vevent, 'dtend')).toBe(
        new Date(new Date(startIso).getTime() + ninetyMinutes).toISOString(),
      );
    },
  );

  it('writes one VTIMEZONE per zone used, sorted by TZID', () => {
    expect(unfoldedLines(ics).filter((line) => line.startsWith('TZID:'))).toEqual([
      'TZID:America/New_York',
      'TZID:Asia/Tehran',
      'TZID:Europe/Berlin',
      'TZID:Europe/Moscow',
    ]);
  });

  it('gives correct instants on both sides of the end of Iranian DST in a feed spanning 2022-09-22', () => {
    const tehranAtTen = ['2022-09-20T05:30:00.000Z', '2022-09-22T06:30:00.000Z', '2023-03-22T06:30:00.000Z'];
    const feed = renderCalendar(
      calendarOf(
        tehranAtTen.map((startIso, index) =>
          session({ uid: `tehran-${index}`, start: new Date(startIso), end: new Date(startIso) }),
        ),
        { span: { from: new Date('2022-06-01T00:00:00Z'), to: new Date('2023-06-01T00:00:00Z') } },
      ),
    );
    expect(readVEvents(feed).map((vevent) => instantOf(vevent, 'dtstart'))).toEqual(tehranAtTen);
    expect(unfoldedLines(feed).filter((line) => line.startsWith('DTSTART;'))).toEqual([
      'DTSTART;TZID=Asia/Tehran:20220920T100000',
      'DTSTART;TZID=Asia/Tehran:20220922T100000',
      'DTSTART;TZID=Asia/Tehran:20230322T100000',
    ]);
  });
});

describe('renderCalendar text', () => {
  const persianTitle = 'نشست کمیسیون مشترک اقتصادی ایران و روسیه، تهران, مسکو; دستور کار \\ بند ۳\nجلسه دوم '
    .repeat(5)
    .slice(0, 300);
  const russianTitle =
    'Заседание совместной экономической комиссии, Москва; повестка \\ пункт 3\nвторой день '
      .repeat(5)
      .slice(0, 300);
  const render = () =>
    renderCalendar(
      calendarOf(
        [
          session({
            uid: 'fa',
            summary: persianTitle,
            description: russianTitle,
            location: 'تهران، خیابان ولیعصر',
          }),
          session({ uid: 'ru', summary: russianTitle, timeZone: 'Europe/Moscow' }),
        ],
        { name: 'JEC, Tehran; Moscow \\ 2026' },
      ),
    );
  const ics = render();

  it('uses 300-character titles containing every character that needs escaping', () => {
    for (const title of [persianTitle, russianTitle]) {
      expect(title).toHaveLength(300);
      expect(title).toMatch(/,[^]*;[^]*\\[^]*\n/);
    }
  });

  it('ends every line with CRLF, including the last, and has no bare CR or LF', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every physical line within 75 octets without splitting a UTF-8 character', () => {
    const bytes = Buffer.from(ics, 'utf8');
    const physicalLines: Buffer[] = [];
    let lineStart = 0;
    for (let index = 0; index < bytes.length - 1; index++) {
      if (bytes[index] === 0x0d && bytes[index + 1] === 0x0a) {
        physicalLines.push(bytes.subarray(lineStart, index));
        lineStart = index + 2;
      }
    }
    expect(physicalLines.length).toBeGreaterThan(40);
    const strictDecoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of physicalLines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(strictDecoder.decode(line)).not.toContain('\uFFFD');
    }
  });

  it('gives back the exact Persian and Russian texts after ical.js unfolds and unescapes them', () => {
    const [persian, russian] = readVEvents(ics);
    expect(persian.getFirstPropertyValue('summary')).toBe(persianTitle);
    expect(persian.getFirstPropertyValue('description')).toBe(russianTitle);
    expect(persian.getFirstPropertyValue('location')).toBe('تهران، خیابان ولیعصر');
    expect(russian.getFirstPropertyValue('summary')).toBe(russianTitle);
  });

  it('writes the calendar properties first, with the name escaped', () => {
    expect(unfoldedLines(ics).slice(0, 11)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Quorum//Quorum 0.1//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'NAME:JEC\\, Tehran\\; Moscow \\\\ 2026',
      'X-WR-CALNAME:JEC\\, Tehran\\; Moscow \\\\ 2026',
      'X-WR-TIMEZONE:Asia/Tehran',
      'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
      'X-PUBLISHED-TTL:PT1H',
      'BEGIN:VTIMEZONE',
    ]);
  });

  it('is byte-identical when rendered twice from equal input', () => {
    const again = render();
    expect(Buffer.from(again, 'utf8').equals(Buffer.from(ics, 'utf8'))).toBe(true);
  });
});
