import ICAL from 'ical.js';
import { plenarySession } from './ics-event.fixture.js';
import { type IcsEvent, renderCalendar, renderEventLines } from './ics-writer.js';

const WEEK_MILLIS = 7 * 24 * 60 * 60 * 1000;

/** The plenary session, stamped with milliseconds (they are dropped) and at its third version. */
function session(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return plenarySession({ dtstamp: new Date('2026-05-02T08:15:30.250Z'), sequence: 3, ...overrides });
}

function renderFeed(events: IcsEvent[]): string {
  return renderCalendar({
    prodId: '-//Quorum//Quorum 0.1//EN',
    name: 'JEC',
    timeZone: 'Europe/Moscow',
    events,
    span: { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') },
  });
}

function readVEvents(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

function unfold(lines: string[]): string[] {
  return lines.join('\r\n').replace(/\r\n /g, '').split('\r\n');
}

/** Every occurrence of a series as ical.js expands it, exceptions applied, as UTC start instants. */
function expandStarts(master: ICAL.Component, exceptions: ICAL.Component[], limit: number): string[] {
  const series = new ICAL.Event(master);
  for (const exception of exceptions) {
    series.relateException(exception);
  }
  const iterator = series.iterator();
  const starts: string[] = [];
  for (let occurrence = iterator.next(); occurrence && starts.length < limit; occurrence = iterator.next()) {
    starts.push(series.getOccurrenceDetails(occurrence).startDate.toJSDate().toISOString());
  }
  return starts;
}

describe('renderEventLines', () => {
  it('writes every property of a session in a fixed order', () => {
    const lines = renderEventLines(
      session({
        description: 'Agenda:\n1. Opening, 10:00 Tehran; 09:30 Moscow',
        location: 'Tehran, Ministry of Economy',
        url: 'https://quorum.example/s/0d6f5a4e',
        conference: { uri: 'https://meet.example/jec', label: 'Video: JEC' },
        categories: ['Plenary, main', 'Trade;Energy', ''],
      }),
    );
    expect(unfold(lines)).toEqual([
      'BEGIN:VEVENT',
      'UID:0d6f5a4e-8c1b-4b7e-9a53-2f0c7d1e6b10',
      'DTSTAMP:20260502T081530Z',
      'CREATED:20260401T120000Z',
      'LAST-MODIFIED:20260502T081530Z',
      'SEQUENCE:3',
      'DTSTART;TZID=Asia/Tehran:20260701T100000',
      'DTEND;TZID=Asia/Tehran:20260701T120000',
      'SUMMARY:Plenary session',
      'DESCRIPTION:Agenda:\\n1. Opening\\, 10:00 Tehran\\; 09:30 Moscow',
      'LOCATION:Tehran\\, Ministry of Economy',
      'URL;VALUE=URI:https://quorum.example/s/0d6f5a4e',
      'CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL="Video: JEC":https://meet.example/jec',
      'CATEGORIES:Plenary\\, main,Trade\\;Energy',
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    ]);
  });

  it('leaves out optional properties that are absent', () => {
    const lines = renderEventLines(session({ status: 'CANCELLED' }));
    expect(lines.map((line) => line.split(/[;:]/)[0])).toEqual([
      'BEGIN',
      'UID',
      'DTSTAMP',
      'CREATED',
      'LAST-MODIFIED',
      'SEQUENCE',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'STATUS',
      'TRANSP',
      'END',
    ]);
    expect(lines).toContain('STATUS:CANCELLED');
  });

  it('writes no attendee or e-mail address', () => {
    const ics = renderFeed([session({ description: 'Join at https://meet.example/jec' })]);
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER|mailto:/i);
  });

  it('rejects a negative or fractional SEQUENCE', () => {
    expect(() => renderEventLines(session({ sequence: -1 }))).toThrow(RangeError);
    expect(() => renderEventLines(session({ sequence: 1.5 }))).toThrow(RangeError);
  });

  it('gives ical.js the URL, the conference link and the categories unescaped', () => {
    const [vevent] = readVEvents(
      renderFeed([
        session({
          url: 'https://quorum.example/s/1?lang=fa',
          conference: { uri: 'https://meet.example/jec?pwd=a,b', label: 'Видеосвязь: комната 1' },
          categories: ['Plenary, main', 'Trade;Energy', 'back\\slash'],
        }),
      ]),
    );
    expect(vevent.getFirstPropertyValue('url')).toBe('https://quorum.example/s/1?lang=fa');
    const conference = vevent.getFirstProperty('conference')!;
    expect(conference.getFirstValue()).toBe('https://meet.example/jec?pwd=a,b');
    expect(conference.getParameter('label')).toBe('Видеосвязь: комната 1');
    expect(conference.getParameter('feature')).toBe('VIDEO');
    expect(vevent.getFirstProperty('categories')!.getValues()).toEqual([
      'Plenary, main',
      'Trade;Energy',
      'back\\slash',
    ]);
  });
});

describe('recurring series read back by ical.js', () => {
  const firstTuesday = new Date('2026-03-03T07:00:00Z');
  const tuesdayAt = (week: number): Date => new Date(firstTuesday.getTime() + week * WEEK_MILLIS);
  const master = session({
    uid: 'series-1',
    timeZone: 'Europe/Moscow',
    start: firstTuesday,
    end: new Date(firstTuesday.getTime() + 2 * 60 * 60 * 1000),
    rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
    exdates: [tuesdayAt(4), tuesdayAt(2), tuesdayAt(4)],
  });
  const movedThirdOccurrence = session({
    uid: 'series-1',
    timeZone: 'Europe/Moscow',
    recurrenceId: tuesdayAt(3),
    start: new Date('2026-03-24T09:00:00Z'),
    end: new Date('2026-03-24T11:00:00Z'),
    summary: 'Moved to noon',
  });
  const ics = renderFeed([master, movedThirdOccurrence]);

  it('writes RRULE as given, EXDATE sorted without duplicates, and RECURRENCE-ID in local time', () => {
    const lines = unfold(ics.trimEnd().split('\r\n'));
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6');
    expect(lines).toContain('EXDATE;TZID=Europe/Moscow:20260317T100000,20260331T100000');
    expect(lines).toContain('RECURRENCE-ID;TZID=Europe/Moscow:20260324T100000');
  });

  it('expands to the expected UTC instants, skipping EXDATEs and moving the exception', () => {
    const [masterEvent, exception] = readVEvents(ics);
    expect(expandStarts(masterEvent, [exception], 10)).toEqual([
      '2026-03-03T07:00:00.000Z',
      '2026-03-10T07:00:00.000Z',
      '2026-03-24T09:00:00.000Z',
      '2026-04-07T07:00:00.000Z',
    ]);
  });

  it('keeps a Berlin series at 10:00 wall time across DST changes beyond the requested span', () => {
    const mondayInDecember = new Date('2026-12-07T09:00:00Z');
    const ics = renderFeed([
      session({
        uid: 'berlin',
        timeZone: 'Europe/Berlin',
        start: mondayInDecember,
        end: new Date(mondayInDecember.getTime() + 60 * 60 * 1000),
        rrule: 'FREQ=WEEKLY;INTERVAL=9;BYDAY=MO;UNTIL=20270510T000000Z',
      }),
    ]);
    const [berlinSeries] = readVEvents(ics);
    expect(expandStarts(berlinSeries, [], 10)).toEqual([
      '2026-12-07T09:00:00.000Z',
      '2027-02-08T09:00:00.000Z',
      '2027-04-12T08:00:00.000Z',
    ]);
  });
});
