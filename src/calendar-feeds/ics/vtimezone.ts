import { DateTime, type IANAZone } from 'luxon';
import { escapeText, formatWallClock } from './ics-text.js';
import { scanZoneOffsetHistory, type ZoneOffsetHistory } from './zone-offset-history.js';

// Intl has no locale that names every zone; these two give the familiar abbreviations (EST, CET, BST).
const ABBREVIATION_LOCALES = ['en-US', 'en-GB'];
const ALPHABETIC_ABBREVIATION = /^[A-Z]{2,5}$/;

type ObservanceKind = 'STANDARD' | 'DAYLIGHT';

interface Observance {
  kind: ObservanceKind;
  offsetFromMinutes: number;
  offsetToMinutes: number;
  name: string;
  onsetsEpochSeconds: number[];
}

/**
 * The unfolded content lines of a VTIMEZONE for the IANA `zone`, correct for every instant from
 * `from` to `to`, built from the runtime's tz data. The first observance starts at `from` with the
 * offset then in force; each later offset change is an onset of the observance with the same
 * offsets, kind and name.
 */
export function buildVTimezone(zone: string, from: Date, to: Date): string[] {
  return vTimezoneLines(scanZoneOffsetHistory(zone, from, to));
}

/** The VTIMEZONE of a history already scanned, so that a caller can convert times with the same history. */
export function vTimezoneLines(history: ZoneOffsetHistory): string[] {
  const { tzid, zone, fromSeconds, initialOffsetMinutes } = history;
  const initialObservance = describeObservance(zone, fromSeconds, initialOffsetMinutes, initialOffsetMinutes);
  const laterObservances = groupByObservance(
    history.transitions.map((transition) =>
      describeObservance(
        zone,
        transition.epochSeconds,
        transition.offsetBeforeMinutes,
        transition.offsetAfterMinutes,
      ),
    ),
  );
  return [
    'BEGIN:VTIMEZONE',
    'TZID:' + escapeText(tzid),
    ...[initialObservance, ...laterObservances].flatMap(observanceLines),
    'END:VTIMEZONE',
  ];
}

function describeObservance(
  zone: IANAZone,
  onsetEpochSeconds: number,
  offsetFromMinutes: number,
  offsetToMinutes: number,
): Observance {
  const onsetMillis = onsetEpochSeconds * 1000;
  return {
    kind: DateTime.fromMillis(onsetMillis, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD',
    offsetFromMinutes,
    offsetToMinutes,
    name: abbreviationAt(zone, onsetMillis, offsetToMinutes),
    onsetsEpochSeconds: [onsetEpochSeconds],
  };
}

function abbreviationAt(zone: IANAZone, epochMillis: number, offsetMinutes: number): string {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = zone.offsetName(epochMillis, { format: 'short', locale });
    if (name && ALPHABETIC_ABBREVIATION.test(name)) {
      return name;
    }
  }
  return formatUtcOffset(offsetMinutes);
}

function groupByObservance(observances: Observance[]): Observance[] {
  const byKey = new Map<string, Observance>();
  for (const observance of observances) {
    const key = [
      observance.kind,
      observance.offsetFromMinutes,
      observance.offsetToMinutes,
      observance.name,
    ].join();
    const existing = byKey.get(key);
    if (existing) existing.onsetsEpochSeconds.push(...observance.onsetsEpochSeconds);
    else byKey.set(key, { ...observance, onsetsEpochSeconds: [...observance.onsetsEpochSeconds] });
  }
  return [...byKey.values()];
}

function observanceLines(observance: Observance): string[] {
  // Onsets are written in the wall time of the offset in force before them (RFC 5545 §3.8.2.4).
  const localOnsets = observance.onsetsEpochSeconds.map((epochSeconds) =>
    formatWallClock((epochSeconds + observance.offsetFromMinutes * 60) * 1000),
  );
  const lines = [
    'BEGIN:' + observance.kind,
    'DTSTART:' + localOnsets[0],
    'TZOFFSETFROM:' + formatUtcOffset(observance.offsetFromMinutes),
    'TZOFFSETTO:' + formatUtcOffset(observance.offsetToMinutes),
    'TZNAME:' + escapeText(observance.name),
  ];
  // DTSTART is repeated as an RDATE because ical.js takes only the RDATEs when any are present,
  // and each RDATE gets its own line because ical.js reads only the first value of one.
  if (localOnsets.length > 1) {
    lines.push(...localOnsets.map((localOnset) => 'RDATE:' + localOnset));
  }
  lines.push('END:' + observance.kind);
  return lines;
}

/** `+0330`, `-0500`, `+0000`. */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const hours = Math.floor(absolute / 60);
  const minutes = absolute % 60;
  return sign + String(hours).padStart(2, '0') + String(minutes).padStart(2, '0');
}
