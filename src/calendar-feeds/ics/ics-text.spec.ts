import {
  contentLine,
  escapeText,
  foldLine,
  formatLocal,
  formatUtc,
  removeControlCharacters,
} from './ics-text.js';

const REPLACEMENT_CHARACTER = '\uFFFD';

function physicalLines(folded: string): string[] {
  return folded.split('\r\n');
}

function unfold(folded: string): string {
  return folded.replace(/\r\n /g, '');
}

function expectValidFolding(original: string, folded: string): void {
  const lines = physicalLines(folded);
  for (const [index, line] of lines.entries()) {
    expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(Buffer.from(line, 'utf8').toString('utf8')).not.toContain(REPLACEMENT_CHARACTER);
    if (index > 0) {
      expect(line.startsWith(' ')).toBe(true);
      expect(line.startsWith('  ') && !original.includes('  ')).toBe(false);
    }
  }
  expect(folded).not.toMatch(/\r\n$/);
  expect(unfold(folded)).toBe(original);
}

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a\\b', 'a\\\\b'],
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['one\r\ntwo', 'one\\ntwo'],
    ['one\rtwo', 'one\\ntwo'],
    ['one\ntwo\n', 'one\\ntwo\\n'],
    ['\\;,\n', '\\\\\\;\\,\\n'],
    ['colon: stays', 'colon: stays'],
    ['tab\tstays', 'tab\tstays'],
    ['bell\u0007 and escape\u001b are removed', 'bell and escape are removed'],
    ['کمیسیون مشترک، تهران; مسکو', 'کمیسیون مشترک، تهران\\; مسکو'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('removeControlCharacters', () => {
  it('drops line breaks that would inject a property', () => {
    expect(removeControlCharacters('https://meet.example/a\r\nATTENDEE:x')).toBe(
      'https://meet.example/aATTENDEE:x',
    );
  });
});

describe('foldLine', () => {
  it('leaves a line of exactly 75 octets alone', () => {
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
  });

  it('folds ASCII at 75 octets, then 74 plus the leading space', () => {
    const line = 'SUMMARY:' + 'abcdefghij'.repeat(20);
    const lines = physicalLines(foldLine(line));
    expect(lines.map((physical) => physical.length)).toEqual([75, 75, 60]);
    expectValidFolding(line, foldLine(line));
  });

  it.each([
    ['Persian', 'SUMMARY:' + 'نشست کمیسیون مشترک اقتصادی ایران و روسیه، تهران; '.repeat(8)],
    ['Russian', 'SUMMARY:' + 'Заседание межправительственной комиссии, Москва; '.repeat(8)],
    ['emoji outside the BMP', 'SUMMARY:' + '🇮🇷🇷🇺👩‍💼📅'.repeat(20)],
    ['mixed widths at every offset', 'S:' + 'aж€😀'.repeat(60)],
  ])('folds %s text without splitting a character', (_label, line) => {
    expectValidFolding(line, foldLine(line));
  });

  it('keeps a base letter with its combining mark on the same physical line', () => {
    const line = 'SUMMARY:' + 'e\u0301'.repeat(80);
    const continuationLines = physicalLines(foldLine(line)).slice(1);
    expect(continuationLines.length).toBeGreaterThan(1);
    for (const continuation of continuationLines) {
      expect(continuation[1]).toBe('e');
    }
    expectValidFolding(line, foldLine(line));
  });

  it('still folds within the limit when one grapheme cluster is longer than a line', () => {
    const line = 'SUMMARY:a' + '\u0301'.repeat(100);
    expectValidFolding(line, foldLine(line));
  });
});

describe('formatUtc', () => {
  it.each([
    ['2026-01-01T10:00:00.000Z', '20260101T100000Z'],
    ['2026-01-01T10:00:59.999Z', '20260101T100059Z'],
    ['1999-12-31T23:59:59Z', '19991231T235959Z'],
  ])('writes %s as %s', (iso, expected) => {
    expect(formatUtc(new Date(iso))).toBe(expected);
  });

  it('rejects an invalid date', () => {
    expect(() => formatUtc(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('formatLocal', () => {
  it.each([
    ['2026-01-01T10:00:00Z', 'Asia/Tehran', '20260101T133000'],
    ['2021-07-01T05:30:00Z', 'Asia/Tehran', '20210701T100000'],
    ['2021-12-01T06:30:00Z', 'Asia/Tehran', '20211201T100000'],
    ['2013-12-01T06:00:00Z', 'Europe/Moscow', '20131201T100000'],
    ['2015-07-01T07:00:00Z', 'Europe/Moscow', '20150701T100000'],
    ['2026-03-29T00:59:59Z', 'Europe/Berlin', '20260329T015959'],
    ['2026-03-29T01:00:00Z', 'Europe/Berlin', '20260329T030000'],
    ['2026-11-01T05:59:59Z', 'America/New_York', '20261101T015959'],
    ['2026-11-01T06:00:00Z', 'America/New_York', '20261101T010000'],
    ['2026-06-30T12:00:00Z', 'Pacific/Kiritimati', '20260701T020000'],
    ['2026-06-30T12:00:00Z', 'UTC', '20260630T120000'],
  ])('writes %s in %s as %s', (iso, zone, expected) => {
    expect(formatLocal(new Date(iso), zone)).toBe(expected);
  });

  it('rejects an unknown zone', () => {
    expect(() => formatLocal(new Date('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(
      /Unknown time zone/,
    );
  });
});

describe('contentLine', () => {
  it('writes parameters in the given order, unquoted when they are safe', () => {
    expect(contentLine('DTSTART', { TZID: 'Asia/Tehran' }, '20260101T100000')).toBe(
      'DTSTART;TZID=Asia/Tehran:20260101T100000',
    );
  });

  it('quotes a parameter value containing a colon, semicolon or comma and strips its DQUOTEs', () => {
    expect(
      contentLine('CONFERENCE', { VALUE: 'URI', LABEL: 'Room "A": Tehran, Moscow; online' }, 'https://x.ir/'),
    ).toBe('CONFERENCE;VALUE=URI;LABEL="Room A: Tehran, Moscow; online":https://x.ir/');
  });

  it('replaces a line break in a parameter value with a space', () => {
    expect(contentLine('X', { LABEL: 'one\ntwo' }, 'v')).toBe('X;LABEL=one two:v');
  });

  it('folds the whole line, parameters included', () => {
    const line = contentLine('CONFERENCE', { LABEL: 'Видеосвязь '.repeat(10) }, 'https://meet.example/abc');
    expectValidFolding('CONFERENCE;LABEL=' + 'Видеосвязь '.repeat(10) + ':https://meet.example/abc', line);
    expect(physicalLines(line).length).toBeGreaterThan(1);
  });
});
