import { DateTime } from 'luxon';
import { parseIsoDate } from '../../common/time/calendar-date.js';
import { endOfLocalDay } from '../../common/time/wall-clock.js';
import { isKnownTimeZone } from '../../common/time/time-zones.js';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type RecurrenceFrequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';
/** `ordinal` (1..5 or -1..-5, MONTHLY only) picks one weekday of the month: 2TU, -1FR. */
export type WeekdayRule = { weekday: IsoWeekday; ordinal?: number };

export type RecurrenceRule = {
  freq: RecurrenceFrequency;
  interval: number;
  byDay?: WeekdayRule[];
  /** 1..31 from the start of the month, -1..-31 from its end. */
  byMonthDay?: number[];
  count?: number;
  /**
   * Inclusive end, in one of two forms: a local date `YYYY-MM-DD` in the series' zone of record
   * (from `UNTIL=20270101`: a session starting any time that day still counts), or a UTC instant
   * `YYYY-MM-DDTHH:mm:ssZ` (from `UNTIL=20270101T000000Z`). A rule carries no zone, so a UTC
   * UNTIL cannot be turned into a local date when parsed, nor a date into an instant.
   */
  until?: string;
  /** Week start for WEEKLY with INTERVAL > 1; RFC 5545's default is Monday. */
  wkst?: IsoWeekday;
};

export type ParsedRule = { rule: RecurrenceRule } | { problems: string[] };

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const FREQUENCIES: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY'];
const SUPPORTED_PARTS = ['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST'];
const UNSUPPORTED_RFC_PARTS = [
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYWEEKNO',
  'BYYEARDAY',
  'BYMONTH',
  'BYSETPOS',
];
const UTC_UNTIL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function parseRule(text: string): ParsedRule {
  const problems: string[] = [];
  const brokenParts = new Set<string>();
  const values = splitParts(text, problems, brokenParts);
  if (values === null) return { problems: ['the rule is empty'] };
  const fail = (part: string) => (problem: string) => {
    brokenParts.add(part);
    problems.push(problem);
    return undefined;
  };
  const rule: Partial<RecurrenceRule> = { interval: 1 };
  for (const [name, value] of values) {
    switch (name) {
      case 'FREQ':
        rule.freq = FREQUENCIES.includes(value)
          ? (value as RecurrenceFrequency)
          : fail(name)(freqProblem(value));
        break;
      case 'INTERVAL':
        rule.interval = parseWholeNumber(name, value, fail(name));
        break;
      case 'COUNT':
        rule.count = parseWholeNumber(name, value, fail(name));
        break;
      case 'BYDAY':
        rule.byDay = parseByDay(value, fail(name));
        break;
      case 'BYMONTHDAY':
        rule.byMonthDay = value.split(',').every((day) => /^[+-]?\d{1,2}$/.test(day))
          ? value.split(',').map(Number)
          : fail(name)(`BYMONTHDAY must list days such as 1, 15 or -1 (got ${value})`);
        break;
      case 'UNTIL':
        rule.until = parseUntil(value, fail(name));
        break;
      case 'WKST':
        rule.wkst = parseWeekdayCode(value) ?? fail(name)(`WKST must be MO to SU (got ${value})`);
    }
  }
  if (!values.has('FREQ')) fail('FREQ')('FREQ is required');
  problems.push(...semanticProblems(rule, brokenParts));
  return problems.length > 0 ? { problems } : { rule: rule as RecurrenceRule };
}

/** Checks a rule however it was built: from `parseRule`, from storage or by hand. */
export function ruleProblems(rule: RecurrenceRule): string[] {
  const problems = FREQUENCIES.includes(rule.freq) ? [] : [freqProblem(String(rule.freq))];
  return [...problems, ...semanticProblems(rule, new Set())];
}

export function formatRule(rule: RecurrenceRule, zone: string): string {
  if (!isKnownTimeZone(zone)) throw new RangeError(`unknown time zone ${zone}`);
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay?.length) parts.push(`BYDAY=${rule.byDay.map(formatWeekdayRule).join(',')}`);
  if (rule.byMonthDay?.length) parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== undefined) {
    const until = DateTime.fromJSDate(untilInstant(rule.until, zone), { zone: 'utc' });
    parts.push(`UNTIL=${until.toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
  }
  if (rule.wkst !== undefined) parts.push(`WKST=${WEEKDAY_CODES[rule.wkst - 1]}`);
  return parts.join(';');
}

/** The last instant a series may start at: a local `until` date ends with that day in `zone`. */
export function untilInstant(until: string, zone: string): Date {
  const untilDate = parseIsoDate(until);
  return untilDate ? endOfLocalDay(zone, untilDate) : new Date(until);
}

export function formatWeekdayRule({ weekday, ordinal }: WeekdayRule): string {
  const code = WEEKDAY_CODES[weekday - 1] ?? `weekday ${weekday}`;
  return `${ordinal ?? ''}${code}`;
}

/** The parts by name, or null for an empty rule. */
function splitParts(text: string, problems: string[], brokenParts: Set<string>): Map<string, string> | null {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/;$/, '')
    .toUpperCase();
  if (body === '') return null;
  const values = new Map<string, string>();
  for (const part of body.split(';')) {
    const [name, value] = [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)];
    if (!part.includes('=') || name === '' || value === '') {
      brokenParts.add(part.split('=')[0]);
      problems.push(`"${part}" is not a NAME=VALUE part`);
    } else if (values.has(name)) {
      problems.push(`${name} is given more than once`);
    } else if (UNSUPPORTED_RFC_PARTS.includes(name)) {
      problems.push(`${name} is not supported; a rule may use ${SUPPORTED_PARTS.join(', ')}`);
    } else if (!SUPPORTED_PARTS.includes(name)) {
      problems.push(`${name} is not an RRULE part; a rule may use ${SUPPORTED_PARTS.join(', ')}`);
    } else {
      values.set(name, value);
    }
  }
  return values;
}

type Fail = (problem: string) => undefined;

function parseWholeNumber(name: string, value: string, fail: Fail): number | undefined {
  return /^\d{1,9}$/.test(value) ? Number(value) : fail(`${name} must be a whole number (got ${value})`);
}

function parseWeekdayCode(code: string): IsoWeekday | undefined {
  const index = WEEKDAY_CODES.indexOf(code as (typeof WEEKDAY_CODES)[number]);
  return index >= 0 ? ((index + 1) as IsoWeekday) : undefined;
}

function parseByDay(value: string, fail: Fail): WeekdayRule[] | undefined {
  const byDay: WeekdayRule[] = [];
  for (const token of value.split(',')) {
    const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(token);
    const weekday = match ? parseWeekdayCode(match[2]) : undefined;
    if (!match || !weekday) return fail(`BYDAY: "${token}" is not a weekday such as MO, 2TU or -1FR`);
    const entry = match[1] === undefined ? { weekday } : { weekday, ordinal: Number(match[1]) };
    // RFC 5545 allows a weekday listed twice (MO,MO): it names the same days as once.
    const listed = formatWeekdayRule(entry);
    if (!byDay.some((earlier) => formatWeekdayRule(earlier) === listed)) byDay.push(entry);
  }
  return byDay;
}

function parseUntil(value: string, fail: Fail): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!match)
    return fail(`UNTIL must be a date (20270101) or a UTC date-time (20270101T000000Z), got ${value}`);
  const [, year, month, day, hour, minute, second, utcMarker] = match;
  if (hour !== undefined && utcMarker !== 'Z') {
    return fail(`UNTIL=${value} has no Z: RFC 5545 wants UNTIL in UTC when the start has a time zone`);
  }
  const until =
    hour === undefined ? `${year}-${month}-${day}` : `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  return isValidUntil(until) ? until : fail(`UNTIL=${value} is not a real date or time`);
}

function isValidUntil(until: string): boolean {
  if (parseIsoDate(until)) return true;
  return UTC_UNTIL_PATTERN.test(until) && DateTime.fromISO(until, { zone: 'utc' }).isValid;
}

function freqProblem(value: string): string {
  return `FREQ must be DAILY, WEEKLY or MONTHLY (got ${value})`;
}

function semanticProblems(rule: Partial<RecurrenceRule>, brokenParts: Set<string>): string[] {
  const problems: string[] = [];
  const isWholeNumber = (value: unknown): value is number => Number.isSafeInteger(value);
  if (!brokenParts.has('INTERVAL') && !(isWholeNumber(rule.interval) && rule.interval >= 1)) {
    problems.push(`INTERVAL must be a whole number of at least 1 (got ${rule.interval})`);
  }
  problems.push(...byDayProblems(rule));
  for (const day of rule.byMonthDay ?? []) {
    if (!isWholeNumber(day) || day === 0 || Math.abs(day) > 31) {
      problems.push(`BYMONTHDAY=${day}: days must be 1 to 31 or -1 to -31`);
    }
  }
  if (rule.byMonthDay?.length === 0) problems.push('BYMONTHDAY must list at least one day');
  if (rule.byMonthDay && new Set(rule.byMonthDay).size < rule.byMonthDay.length) {
    problems.push('BYMONTHDAY lists a day more than once');
  }
  if (rule.byMonthDay && rule.freq === 'WEEKLY') problems.push('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  if (rule.count !== undefined && !(isWholeNumber(rule.count) && rule.count >= 1)) {
    problems.push(`COUNT must be a whole number of at least 1 (got ${rule.count})`);
  }
  if (rule.until !== undefined && !isValidUntil(rule.until)) {
    problems.push(
      `until must be a date YYYY-MM-DD or a UTC instant YYYY-MM-DDTHH:mm:ssZ (got ${rule.until})`,
    );
  }
  if (rule.wkst !== undefined && !(isWholeNumber(rule.wkst) && rule.wkst >= 1 && rule.wkst <= 7)) {
    problems.push(`WKST must be a weekday 1 (Monday) to 7 (Sunday) (got ${rule.wkst})`);
  }
  if (rule.count !== undefined && rule.until !== undefined) {
    problems.push('COUNT and UNTIL cannot both be given: a series ends one way');
  }
  const endBroken = brokenParts.has('COUNT') || brokenParts.has('UNTIL');
  if (rule.count === undefined && rule.until === undefined && !endBroken) {
    problems.push('a series needs COUNT or UNTIL: open-ended series are not supported');
  }
  return problems;
}

function byDayProblems(rule: Partial<RecurrenceRule>): string[] {
  if (!rule.byDay) return [];
  if (rule.byDay.length === 0) return ['BYDAY must list at least one weekday'];
  const problems: string[] = [];
  for (const entry of rule.byDay) {
    const token = formatWeekdayRule(entry);
    if (!Number.isSafeInteger(entry.weekday) || entry.weekday < 1 || entry.weekday > 7) {
      problems.push(`BYDAY: ${token} is not a weekday 1 (Monday) to 7 (Sunday)`);
    }
    if (entry.ordinal === undefined) continue;
    if (!Number.isSafeInteger(entry.ordinal) || entry.ordinal === 0 || Math.abs(entry.ordinal) > 5) {
      problems.push(`BYDAY=${token}: the ordinal must be 1 to 5 or -1 to -5`);
    }
    if (rule.freq && rule.freq !== 'MONTHLY') {
      problems.push(`BYDAY=${token}: ordinals such as 2TU or -1FR are only allowed with FREQ=MONTHLY`);
    }
  }
  const tokens = rule.byDay.map(formatWeekdayRule);
  const repeated = tokens.filter((token, index) => tokens.indexOf(token) !== index);
  if (repeated.length > 0) problems.push(`BYDAY lists ${repeated.join(', ')} more than once`);
  return problems;
}
