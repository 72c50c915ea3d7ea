import { DateTime, IANAZone } from 'luxon';
import { isValidTimeZone, timeZoneProblem } from './time-zones.js';
import { readWallTime, type WallTime, wallAsUtcMs } from './wall-clock.js';
import { clockAtOffset, localIso, localMinuteWithOffset, offsetText } from './zoned-display.js';
import { EARLIEST_YEAR, LATEST_YEAR, LONGEST_SESSION_MINUTES } from '../limits.js';
import { MINUTE_MS } from './durations.js';

export { type DisplayTime, displayTimes, localIso, utcIso } from './zoned-display.js';
export { type PersianDateParts, persianDate, persianDateParts } from './persian-date.js';

export type TimeProblem = { path: string; message: string };

export type SessionTimesInput = {
  start?: string | null;
  end?: string | null;
  durationMinutes?: number | null;
  timeZone: string;
};
export type SessionTimePaths = { start: string; end: string; durationMinutes: string; timeZone: string };

const DEFAULT_PATHS: SessionTimePaths = {
  start: 'start',
  end: 'end',
  durationMinutes: 'durationMinutes',
  timeZone: 'timeZone',
};

// Seconds and a fraction are optional; an offset (`Z` or ±HH:MM) makes it an instant, none a wall time.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads `value` as a wall time in `zone` (`2026-12-01T10:00`) or as an instant with an offset
 * (`2026-12-01T10:00:00+03:00`, `2026-12-01T07:00Z`). A wall time that a DST change skips or
 * repeats is refused rather than guessed: only the organizer knows which time they meant.
 */
export function resolveInstant(
  value: string,
  zone: string,
  path: string,
): { instant: Date } | { problem: TimeProblem } {
  const problem = (message: string) => ({ problem: { path, message } });
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) {
    return problem(
      `expected a local time like 2026-12-01T10:00 or an instant with an offset like ` +
        `2026-12-01T10:00:00+03:00, got ${JSON.stringify(value)}`,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millisecond = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  const wall: WallTime = { year, month, day, hour, minute, second, millisecond };
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return problem(
      `year ${year} is out of range: only years ${EARLIEST_YEAR} to ${LATEST_YEAR} are accepted`,
    );
  }
  // luxon reads hour 24 as the next midnight; a written time must name its own day.
  if (hour > 23 || !DateTime.fromObject(wall, { zone: 'UTC' }).isValid) {
    return problem(`${value} is not a valid date and time`);
  }

  const offset = match[8];
  if (offset) {
    const offsetMinutes = offset === 'Z' ? 0 : offsetMinutesOf(offset);
    if (offsetMinutes === undefined) return problem(`${offset} is not a valid UTC offset`);
    return { instant: new Date(wallAsUtcMs(wall) - offsetMinutes * MINUTE_MS) };
  }
  if (!IANAZone.isValidZone(zone)) return problem(`cannot read a local time in unknown time zone "${zone}"`);

  const reading = readWallTime(wall, zone);
  if (reading.kind === 'gap') {
    const { shiftedBack, shiftedForward, jumpAt } = reading;
    return problem(
      `${value} does not exist in ${zone}: clocks jump forward from ` +
        `${clockAtOffset(jumpAt, shiftedBack.offsetMinutes)} to ${clockAtOffset(jumpAt, shiftedForward.offsetMinutes)} ` +
        `(DST gap). Use a time either side, e.g. ${localMinuteWithOffset(shiftedBack.instant, zone)} ` +
        `or ${localMinuteWithOffset(shiftedForward.instant, zone)}`,
    );
  }
  if (reading.kind === 'fold') {
    const { earlier, later } = reading;
    return problem(
      `${value} is ambiguous in ${zone}: clocks go back, so it happens twice (DST fold). ` +
        `Give an offset: ${value}${offsetText(earlier.offsetMinutes)} for the first ` +
        `or ${value}${offsetText(later.offsetMinutes)} for the second`,
    );
  }
  return { instant: reading.at.instant };
}

/**
 * Validates and resolves a session's start and end. `durationMinutes` counts elapsed minutes,
 * so a two-hour session across a DST change still ends two hours after it starts.
 */
export function resolveSessionTimes(
  input: SessionTimesInput,
  paths: Partial<SessionTimePaths> = {},
): { startsAt: Date; endsAt: Date } | { problems: TimeProblem[] } {
  const path = { ...DEFAULT_PATHS, ...paths };
  const { durationMinutes, timeZone } = input;
  const start = givenText(input.start);
  const end = givenText(input.end);
  const problems: TimeProblem[] = [];
  const hasEnd = end !== undefined;
  const hasDuration = durationMinutes !== undefined && durationMinutes !== null;

  if (!isValidTimeZone(timeZone)) {
    problems.push({ path: path.timeZone, message: timeZoneProblem(timeZone) ?? 'unknown time zone' });
  }
  if (start === undefined) {
    problems.push({ path: path.start, message: 'start is required' });
  }
  if (hasEnd && hasDuration) {
    problems.push({ path: path.end, message: 'give either end or durationMinutes, not both' });
  } else if (!hasEnd && !hasDuration) {
    problems.push({ path: path.end, message: 'give end or durationMinutes' });
  }
  if (hasDuration && !(Number.isInteger(durationMinutes) && durationMinutes > 0)) {
    problems.push({
      path: path.durationMinutes,
      message: `durationMinutes must be a positive whole number of minutes, got ${JSON.stringify(durationMinutes)}`,
    });
  }
  if (problems.length > 0 || start === undefined) return { problems };

  const startResult = resolveInstant(start, timeZone, path.start);
  const endResult = end === undefined ? undefined : resolveInstant(end, timeZone, path.end);
  for (const result of [startResult, endResult]) {
    if (result && 'problem' in result) problems.push(result.problem);
  }
  if (!('instant' in startResult) || (endResult && !('instant' in endResult))) return { problems };

  const startsAt = startResult.instant;
  const endsAt = endResult?.instant ?? new Date(startsAt.getTime() + (durationMinutes as number) * MINUTE_MS);
  const endPath = hasEnd ? path.end : path.durationMinutes;
  const lengthMinutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE_MS;
  if (lengthMinutes <= 0) {
    const message = `end (${localIso(endsAt, timeZone)}) must be after start (${localIso(startsAt, timeZone)})`;
    return { problems: [{ path: endPath, message }] };
  }
  if (lengthMinutes > LONGEST_SESSION_MINUTES) {
    const message =
      `a session may last at most 7 days (${LONGEST_SESSION_MINUTES} minutes); ` +
      `this one lasts ${Math.ceil(lengthMinutes)} minutes`;
    return { problems: [{ path: endPath, message }] };
  }
  const endYear = DateTime.fromJSDate(endsAt, { zone: timeZone }).year;
  if (endYear > LATEST_YEAR) {
    return {
      problems: [{ path: endPath, message: `the session would end in ${endYear}, after ${LATEST_YEAR}` }],
    };
  }
  return { startsAt, endsAt };
}

/** Zone names from `?tz=a&tz=b` or `?tz=a,b`: trimmed, blanks dropped, first occurrence kept; not validated. */
export function parseZoneList(raw: string | string[] | undefined): string[] {
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const names = values
    .flatMap((value) => String(value).split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set(names)];
}

function givenText(value: string | null | undefined): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : value;
}

function offsetMinutesOf(offset: string): number | undefined {
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 18 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
