import type { IcsEvent } from './ics-writer.js';

/** The iCalendar tests' plenary session in Tehran, with whatever a test changes. */
export function plenarySession(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: '0d6f5a4e-8c1b-4b7e-9a53-2f0c7d1e6b10',
    dtstamp: new Date('2026-05-02T08:15:30Z'),
    created: new Date('2026-04-01T12:00:00Z'),
    lastModified: new Date('2026-05-02T08:15:30Z'),
    sequence: 2,
    start: new Date('2026-07-01T06:30:00Z'),
    end: new Date('2026-07-01T08:30:00Z'),
    timeZone: 'Asia/Tehran',
    summary: 'Plenary session',
    status: 'CONFIRMED',
    ...overrides,
  };
}
