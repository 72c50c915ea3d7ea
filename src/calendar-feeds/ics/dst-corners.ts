import { IANAZone } from 'luxon';
import { formatUtc } from './ics-text.js';
import {
  readWallTime as readZonedWallTime,
  wallMillisAt as wallMillisAtZone,
} from '../../common/time/wall-clock.js';

/**
 * How calendar readers read a local time near a DST change, and so how Quorum writes one.
 *
 * RFC 5545 reads a local time in a gap with the offset before the gap (the time moves forward, as
 * the API does) and a time in a fold as its first instance; a rule instance that falls in a gap is
 * dropped and not counted. ical.js (Thunderbird) reads a gap time with the offset after the gap and
 * a fold time as the second instance, and adds a DURATION on the wall clock. node-ical reads a
 * written fold time as the second instance but generates rule instances in a fold as the first,
 * and ignores RDATE. A local time with one reading is written as it is; any other is written so
 * that every reader lands on the API's instant (see README, "DST gaps and folds").
 */

export type WallTimeKind = 'plain' | 'gap' | 'fold';

export interface WallTimeReading {
  kind: WallTimeKind;
  /** Epoch milliseconds readers may give the time: RFC 5545's (the API's) first. */
  instants: number[];
}

/** A wall-clock time as the epoch milliseconds its fields have in UTC, from `YYYY-MM-DDTHH:mm`. */
export function wallMillisOf(wallTime: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wallTime);
  if (!match) throw new RangeError(`Not a local date-time: ${wallTime}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** The wall-clock time of `instant` in `zone`, as the epoch milliseconds its fields have in UTC. */
export function wallMillisAt(zone: string, instant: Date): number {
  return wallMillisAtZone(zone, instant);
}

/** Whether a wall time exists once, not at all (gap) or twice (fold) in `zone`, and what it reads as. */
export function readWallTime(zone: string, wallMillis: number): WallTimeReading {
  const fields = new Date(wallMillis);
  const reading = readZonedWallTime(
    {
      year: fields.getUTCFullYear(),
      month: fields.getUTCMonth() + 1,
      day: fields.getUTCDate(),
      hour: fields.getUTCHours(),
      minute: fields.getUTCMinutes(),
      second: fields.getUTCSeconds(),
      millisecond: fields.getUTCMilliseconds(),
    },
    zone,
  );
  if (reading.kind === 'unique') return { kind: 'plain', instants: [reading.at.instant.getTime()] };
  if (reading.kind === 'fold') {
    return { kind: 'fold', instants: [reading.earlier.instant.getTime(), reading.later.instant.getTime()] };
  }
  // Offset before the gap first: RFC 5545's reading, and where the API moves the time.
  return {
    kind: 'gap',
    instants: [reading.shiftedForward.instant.getTime(), reading.shiftedBack.instant.getTime()],
  };
}

/** Whether every reader gives the local time of `instant` in `zone` that same instant. */
export function isPlainLocalTime(zone: string, instant: Date): boolean {
  return readWallTime(zone, wallMillisAt(zone, instant)).kind === 'plain';
}

/** One instance of a series' rule: the rule's wall-clock time on its date, and the API's instant. */
export interface RuleInstance {
  /** `YYYY-MM-DDTHH:mm` in the zone of record (the series' recurrence id). */
  wallTime: string;
  startsAt: Date;
}

/**
 * How EXDATE and RECURRENCE-ID name a rule instance. `wall`: its local time, which every reader
 * matches to its own instance. `instant`: the UTC instant of a UTC RDATE that replaces it, because
 * readers place it differently (a gap anywhere; a fold after the first instance, where node-ical
 * places the rule's instance and the written time apart).
 */
export function instanceNaming(zone: string, instance: RuleInstance, first: boolean): 'wall' | 'instant' {
  const { kind } = readWallTime(zone, wallMillisOf(instance.wallTime));
  return kind === 'plain' || (kind === 'fold' && first) ? 'wall' : 'instant';
}

/**
 * Whether an instance the rule gives must be an override (a VEVENT with RECURRENCE-ID and explicit
 * times) even when nothing about it was changed: a first instance in a fold (readers take the
 * second), or one whose duration spans an offset change (ical.js adds DURATION on the wall clock).
 */
export function needsOverride(zone: string, instance: RuleInstance, first: boolean, end: Date): boolean {
  const { kind } = readWallTime(zone, wallMillisOf(instance.wallTime));
  if (kind === 'fold' && first) return true;
  if (kind !== 'plain') return false;
  const ianaZone = IANAZone.create(zone);
  return ianaZone.offset(instance.startsAt.getTime()) !== ianaZone.offset(end.getTime());
}

/** Instants other readers give an instance that is replaced by a UTC RDATE: excluded in UTC. */
export function otherReadings(zone: string, instance: RuleInstance): Date[] {
  return readWallTime(zone, wallMillisOf(instance.wallTime))
    .instants.filter((instant) => instant !== instance.startsAt.getTime())
    .map((instant) => new Date(instant));
}

/** Whether some instance falls in a gap, where RFC 5545 drops the rule's instance and does not count it. */
export function hasGapInstance(zone: string, instances: readonly RuleInstance[]): boolean {
  return instances.some((instance) => readWallTime(zone, wallMillisOf(instance.wallTime)).kind === 'gap');
}

/**
 * The RRULE as written; the same set of instances, said so that every reader gets them. With an
 * instance in a gap, RFC 5545 drops the rule's instance and counts on, so COUNT becomes an UNTIL
 * at the last instance (the instance itself comes back as a UTC RDATE). node-ical steps a DAILY
 * rule from the instance before, so after a gap it keeps the moved time: a daily rule is written
 * as WEEKLY on every day (or its BYDAY days), and the rule names its own BYHOUR and BYMINUTE,
 * which hold node-ical at the wall time. A daily rule with an INTERVAL or BYMONTHDAY stays DAILY;
 * node-ical then drops an instance in a gap shorter than an hour (Lord Howe's).
 */
export function ruleForReaders(rrule: string, zone: string, instances: readonly RuleInstance[]): string {
  if (!hasGapInstance(zone, instances)) return rrule;
  const parts = new Map(
    rrule
      .split(';')
      .filter((part) => part.includes('='))
      .map((part) => {
        const [name, value] = part.split('=');
        return [name.toUpperCase(), value] as [string, string];
      }),
  );
  if (parts.has('COUNT')) {
    parts.delete('COUNT');
    parts.set('UNTIL', formatUtc(instances.at(-1)!.startsAt));
  }
  const everyDay = (parts.get('INTERVAL') ?? '1') === '1' && !parts.has('BYMONTHDAY');
  if (parts.get('FREQ') === 'DAILY' && everyDay) {
    parts.set('FREQ', 'WEEKLY');
    parts.set('BYDAY', parts.get('BYDAY') ?? 'MO,TU,WE,TH,FR,SA,SU');
  }
  const [hour, minute] = instances[0].wallTime.slice(11, 16).split(':').map(Number);
  parts.set('BYHOUR', String(hour));
  parts.set('BYMINUTE', String(minute));
  return [...parts].map(([name, value]) => `${name}=${value}`).join(';');
}
