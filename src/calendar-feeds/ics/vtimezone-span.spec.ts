import { spanCoveringEvents, type ZonedEventTimes } from './vtimezone-span.js';

const requested = { from: new Date('2026-02-10T08:00:00Z'), to: new Date('2026-11-20T08:00:00Z') };

function spanOf(events: ZonedEventTimes[]): [string, string] {
  const span = spanCoveringEvents(requested, events);
  return [span.from.toISOString(), span.to.toISOString()];
}

function event(startIso: string, overrides: Partial<ZonedEventTimes> = {}): ZonedEventTimes {
  const start = new Date(startIso);
  return { start, end: new Date(start.getTime() + 60 * 60 * 1000), ...overrides };
}

describe('spanCoveringEvents', () => {
  it('rounds the requested span out to whole UTC years', () => {
    expect(spanOf([])).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });

  it('widens to events, exceptions and moved occurrences outside the requested span', () => {
    expect(spanOf([event('2024-12-31T23:30:00Z')])).toEqual([
      '2024-01-01T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z',
    ]);
    expect(spanOf([event('2026-05-01T10:00:00Z', { exdates: [new Date('2027-03-01T10:00:00Z')] })])).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2028-01-01T00:00:00.000Z',
    ]);
    expect(
      spanOf([event('2026-05-01T10:00:00Z', { recurrenceId: new Date('2023-06-01T10:00:00Z') })]),
    ).toEqual(['2023-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });

  it('widens to the UNTIL of a rule, a day later for a local or date-only UNTIL', () => {
    expect(spanOf([event('2026-05-01T10:00:00Z', { rrule: 'FREQ=WEEKLY;UNTIL=20281231T000000Z' })])).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2030-01-01T00:00:00.000Z',
    ]);
    expect(
      spanOf([event('2026-05-01T10:00:00Z', { rrule: 'FREQ=DAILY;UNTIL=20270601;INTERVAL=2' })]),
    ).toEqual(['2026-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z']);
  });

  it('covers five years after the start of a rule without UNTIL', () => {
    expect(spanOf([event('2026-05-01T10:00:00Z', { rrule: 'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=60' })])).toEqual(
      ['2026-01-01T00:00:00.000Z', '2032-01-01T00:00:00.000Z'],
    );
  });

  it('rejects an invalid date', () => {
    expect(() => spanOf([event('not a date')])).toThrow(RangeError);
  });
});
