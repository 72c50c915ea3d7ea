import { IANAZone } from 'luxon';
import { MINUTE_MS } from './durations.js';

const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const MAX_CACHED_ZONES = 200;
const MAX_QUARTERS_PER_ZONE = 50_000;

/** Offsets already looked up, per zone, per quarter hour of UTC. */
const offsetCache = new Map<string, Map<number, number>>();

/**
 * The zone's UTC offset in minutes at `epochMs`, from the runtime's IANA data (through
 * luxon). Asking Intl is slow, and every list and feed asks thousands of times, so offsets
 * are remembered per quarter hour — but only where the offset is the same at both ends of
 * that quarter hour, so a transition inside one is still answered exactly.
 */
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  let zoneCache = offsetCache.get(zone);
  const cached = zoneCache?.get(quarter);
  if (cached !== undefined) return cached;
  const ianaZone = IANAZone.create(zone);
  if (!ianaZone.isValid) throw new RangeError(`unknown time zone "${zone}"`);
  const atStart = ianaZone.offset(quarter * QUARTER_HOUR_MS);
  const atEnd = ianaZone.offset((quarter + 1) * QUARTER_HOUR_MS - 1);
  if (atStart !== atEnd) return ianaZone.offset(epochMs);
  if (!zoneCache) {
    if (offsetCache.size >= MAX_CACHED_ZONES) offsetCache.clear();
    zoneCache = new Map();
    offsetCache.set(zone, zoneCache);
  }
  if (zoneCache.size >= MAX_QUARTERS_PER_ZONE) zoneCache.clear();
  zoneCache.set(quarter, atStart);
  return atStart;
}
