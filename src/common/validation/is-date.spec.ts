import { isCalendarDate, isInstantOrDate } from './is-date.js';

describe('isCalendarDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00', false],
    [20260101, false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('isInstantOrDate', () => {
  it.each([
    ['2026-12-01', true],
    ['2026-12-01T00:00:00Z', true],
    ['2026-12-01T10:30+03:30', true],
    ['2026-12-01T10:30:00.123456-05:00', true],
    ['2026-02-30', false],
    ['2026-12-01T24:30:00Z', false],
    ['2026-12-01T10:30', false],
    ['yesterday', false],
  ])('%s → %s', (value, expected) => {
    expect(isInstantOrDate(value)).toBe(expected);
  });
});
