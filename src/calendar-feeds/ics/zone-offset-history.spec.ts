import { IANAZone } from 'luxon';
import { formatLocal } from './ics-text.js';
import {
  cachedZoneOffsetHistory,
  formatLocalFromHistory,
  offsetMinutesAt,
  scanZoneOffsetHistory,
} from './zone-offset-history.js';

describe('scanZoneOffsetHistory', () => {
  it('finds each Iranian change to the exact second, and none after 2022', () => {
    const history = scanZoneOffsetHistory(
      'Asia/Tehran',
      new Date('2021-01-01T00:00:00Z'),
      new Date('2026-12-31T00:00:00Z'),
    );
    expect(history.initialOffsetMinutes).toBe(210);
    expect(
      history.transitions.map((transition) => [
        new Date(transition.epochSeconds * 1000).toISOString(),
        transition.offsetBeforeMinutes,
        transition.offsetAfterMinutes,
      ]),
    ).toEqual([
      ['2021-03-21T20:30:00.000Z', 210, 270],
      ['2021-09-21T19:30:00.000Z', 270, 210],
      ['2022-03-21T20:30:00.000Z', 210, 270],
      ['2022-09-21T19:30:00.000Z', 270, 210],
    ]);
  });

  it('finds no change for Europe/Moscow from 2015 to 2030', () => {
    const history = scanZoneOffsetHistory(
      'Europe/Moscow',
      new Date('2015-01-01T00:00:00Z'),
      new Date('2030-01-01T00:00:00Z'),
    );
    expect(history.initialOffsetMinutes).toBe(180);
    expect(history.transitions).toEqual([]);
  });

  it('includes a change that falls exactly on the end of the span', () => {
    const history = scanZoneOffsetHistory(
      'Europe/Berlin',
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-29T01:00:00Z'),
    );
    expect(history.transitions.map((transition) => transition.epochSeconds * 1000)).toEqual([
      Date.parse('2026-03-29T01:00:00Z'),
    ]);
  });
});

describe('offsetMinutesAt and formatLocalFromHistory', () => {
  const history = scanZoneOffsetHistory(
    'America/New_York',
    new Date('2026-01-01T00:00:00Z'),
    new Date('2027-01-01T00:00:00Z'),
  );

  it.each([
    ['2026-03-08T06:59:59.999Z', -300],
    ['2026-03-08T07:00:00.000Z', -240],
    ['2026-11-01T05:59:59.000Z', -240],
    ['2026-11-01T06:00:00.000Z', -300],
    ['2025-07-01T12:00:00.000Z', -240],
    ['2027-07-01T12:00:00.000Z', -240],
  ])('gives the offset at %s as %d minutes, inside or outside the scanned span', (iso, expectedOffset) => {
    expect(offsetMinutesAt(history, new Date(iso))).toBe(expectedOffset);
  });

  it('formats the same wall times as luxon for every hour of the span', () => {
    const zone = IANAZone.create('America/New_York');
    const mismatches: string[] = [];
    for (let millis = history.fromSeconds * 1000; millis <= history.toSeconds * 1000; millis += 3_600_000) {
      const instant = new Date(millis + 1234);
      if (formatLocalFromHistory(history, instant) !== formatLocal(instant, 'America/New_York')) {
        mismatches.push(`${instant.toISOString()} ${zone.offset(millis)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('cachedZoneOffsetHistory', () => {
  it('returns the same scan for the same zone and span, and a new one for another span', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const first = cachedZoneOffsetHistory('Asia/Tehran', from, new Date('2027-01-01T00:00:00Z'));
    expect(cachedZoneOffsetHistory('Asia/Tehran', from, new Date('2027-01-01T00:00:00Z'))).toBe(first);
    expect(cachedZoneOffsetHistory('Asia/Tehran', from, new Date('2028-01-01T00:00:00Z'))).not.toBe(first);
  });
});
