import { IANAZone } from 'luxon';
import { MINUTE_MS } from '../../common/time/durations.js';

/** RFC 5545 §3.1: a physical line is at most 75 octets, excluding the CRLF. */
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';

// TEXT may not contain control characters other than HTAB (RFC 5545 §3.3.11, TSAFE-CHAR).
const FORBIDDEN_TEXT_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// Parameter values may not contain DQUOTE or any control character (RFC 5545 §3.1, QSAFE-CHAR).
const FORBIDDEN_PARAM_CHARACTERS = /[\u0000-\u001f\u007f"]/g;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
const PARAM_CHARACTERS_NEEDING_QUOTES = /[:;,]/;
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
const NEEDS_ESCAPING = /[\\;,\u0000-\u0008\u000a-\u001f\u007f]/;
// A UTF-16 code unit takes at most 3 octets, so a line this short never needs folding.
const SHORTEST_FOLDABLE_LENGTH = Math.floor(MAX_LINE_OCTETS / 3) + 1;

// Characters that extend the grapheme cluster before them: combining marks (Persian harakat, variation
// selectors), ZWNJ and ZWJ, emoji skin tones and tag characters. An approximation of UAX #29 that is
// cheap to test at the few places where a line is folded.
const CLUSTER_EXTENDER = /[\p{M}\u200c\u200d\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/uy;
const ZERO_WIDTH_JOINER = 0x200d;

export function escapeText(value: string): string {
  if (!NEEDS_ESCAPING.test(value)) {
    return value;
  }
  return value
    .replace(FORBIDDEN_TEXT_CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line so that no physical line exceeds 75 octets of UTF-8, each continuation
 * starting with a single space. Breaks never fall inside a code point, and where possible not inside
 * a grapheme cluster either.
 */
export function foldLine(line: string): string {
  if (line.length < SHORTEST_FOLDABLE_LENGTH || utf8Length(line, 0, line.length) <= MAX_LINE_OCTETS) {
    return line;
  }
  const pieces = ASCII_ONLY.test(line) ? foldAscii(line) : foldUnicode(line);
  return pieces.join(CRLF + ' ');
}

function foldAscii(line: string): string[] {
  const pieces = [line.slice(0, MAX_LINE_OCTETS)];
  for (let offset = MAX_LINE_OCTETS; offset < line.length; offset += MAX_LINE_OCTETS - 1) {
    pieces.push(line.slice(offset, offset + MAX_LINE_OCTETS - 1));
  }
  return pieces;
}

function foldUnicode(line: string): string[] {
  const pieces: string[] = [];
  let lineStart = 0;
  let lineOctets = 0;
  let capacity = MAX_LINE_OCTETS;
  for (let index = 0; index < line.length;) {
    const unit = line.charCodeAt(index);
    let unitCount = 1;
    let octets = unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    if (octets === 3 && isSurrogatePair(line, index)) {
      unitCount = 2;
      octets = 4;
    }
    if (lineOctets + octets > capacity) {
      const breakAt = breakBeforeCluster(line, lineStart, index, MAX_LINE_OCTETS - 1 - octets);
      pieces.push(line.slice(lineStart, breakAt));
      lineOctets = utf8Length(line, breakAt, index);
      lineStart = breakAt;
      capacity = MAX_LINE_OCTETS - 1;
    }
    lineOctets += octets;
    index += unitCount;
  }
  pieces.push(line.slice(lineStart));
  return pieces;
}

/**
 * Where to end a physical line that is full at `index`: moved back to the start of the grapheme
 * cluster `index` belongs to, unless the cluster started the line or would not fit on the next
 * line with `room` octets to spare.
 */
function breakBeforeCluster(line: string, lineStart: number, index: number, room: number): number {
  let breakAt = index;
  while (breakAt > lineStart && continuesCluster(line, breakAt)) {
    breakAt -= isSurrogatePair(line, breakAt - 2) ? 2 : 1;
  }
  if (breakAt === lineStart || utf8Length(line, breakAt, index) > room) {
    return index;
  }
  return breakAt;
}

function continuesCluster(line: string, index: number): boolean {
  if (line.charCodeAt(index - 1) === ZERO_WIDTH_JOINER) {
    return true;
  }
  CLUSTER_EXTENDER.lastIndex = index;
  return CLUSTER_EXTENDER.test(line);
}

function utf8Length(text: string, start: number, end: number): number {
  let octets = 0;
  for (let index = start; index < end; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) octets += 1;
    else if (unit < 0x800) octets += 2;
    else if (isSurrogatePair(text, index)) {
      octets += 4;
      index++;
    } else octets += 3;
  }
  return octets;
}

function isSurrogatePair(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** `20260101T100000Z`; sub-second precision is dropped. */
export function formatUtc(instant: Date): string {
  return formatWallClock(instant.getTime()) + 'Z';
}

/** The wall-clock time of `instant` in the IANA `zone`, without offset: `20260101T133000`. */
export function formatLocal(instant: Date, zone: string): string {
  const ianaZone = IANAZone.create(zone);
  if (!ianaZone.isValid) {
    throw new RangeError(`Unknown time zone: ${zone}`);
  }
  const epochMillis = instant.getTime();
  return formatWallClock(epochMillis + ianaZone.offset(epochMillis) * MINUTE_MS);
}

/** Formats the UTC fields of `epochMillis`, which callers shift beforehand to show a wall clock. */
export function formatWallClock(epochMillis: number): string {
  if (!Number.isFinite(epochMillis)) {
    throw new RangeError('Invalid date');
  }
  const wallClock = new Date(epochMillis);
  return (
    String(wallClock.getUTCFullYear()).padStart(4, '0') +
    twoDigits(wallClock.getUTCMonth() + 1) +
    twoDigits(wallClock.getUTCDate()) +
    'T' +
    twoDigits(wallClock.getUTCHours()) +
    twoDigits(wallClock.getUTCMinutes()) +
    twoDigits(wallClock.getUTCSeconds())
  );
}

function twoDigits(value: number): string {
  return value < 10 ? '0' + value : String(value);
}

/** For values written verbatim (URIs, RRULE): a line break inside one would start a new property. */
export function removeControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '');
}

/** `NAME;PARAM=value:VALUE`, folded. `value` must already be escaped for its type. */
export function contentLine(name: string, params: Record<string, string>, value: string): string {
  let line = name;
  for (const [paramName, paramValue] of Object.entries(params)) {
    line += ';' + paramName + '=' + formatParamValue(paramValue);
  }
  return foldLine(line + ':' + value);
}

function formatParamValue(value: string): string {
  const cleaned = value.replace(FORBIDDEN_PARAM_CHARACTERS, (character) => (character === '"' ? '' : ' '));
  return PARAM_CHARACTERS_NEEDING_QUOTES.test(cleaned) ? `"${cleaned}"` : cleaned;
}
