import type { OpenWebinar } from '../registrants.service.js';
import { registrationWindow } from './webinar-page.model.js';

const webinar = (status: 'scheduled' | 'cancelled' = 'scheduled') =>
  ({
    session: { status, endsAt: new Date('2027-02-10T09:30:00Z') },
    settings: { opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-02-10T06:00:00Z') },
  }) as unknown as OpenWebinar;

describe('registrationWindow', () => {
  it.each([
    ['2026-12-31T23:59:59Z', 'scheduled', 'not_open'],
    ['2027-01-01T00:00:00Z', 'scheduled', 'open'],
    ['2027-02-10T05:59:59Z', 'scheduled', 'open'],
    ['2027-02-10T06:00:00Z', 'scheduled', 'closed'],
    ['2027-01-15T00:00:00Z', 'cancelled', 'closed'],
  ] as const)('at %s a %s webinar is %s', (at, status, expected) => {
    expect(registrationWindow(webinar(status), new Date(at))).toBe(expected);
  });
});
