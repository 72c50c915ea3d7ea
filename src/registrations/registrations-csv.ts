import type { Registration } from './registration.entity.js';

const COLUMNS = [
  'id',
  'status',
  'name',
  'email',
  'organization',
  'country',
  'language',
  'registeredAt',
  'addressConfirmedAt',
  'queuePosition',
] as const;

/**
 * Registrants as CSV: UTF-8 with a byte order mark (Excel reads Persian and Cyrillic correctly
 * only then), CRLF line ends, RFC 4180 quoting. A cell that a spreadsheet would run as a formula
 * starts with an apostrophe.
 */
export function registrationsCsv(registrations: Registration[]): string {
  const rows = registrations.map((r) => [
    r.id,
    r.status,
    r.fullName ?? '',
    r.email ?? '',
    r.organization ?? '',
    r.country ?? '',
    r.language,
    r.createdAt.toISOString(),
    r.addressConfirmedAt?.toISOString() ?? '',
    r.queuePosition === null ? '' : String(r.queuePosition),
  ]);
  return '\uFEFF' + [[...COLUMNS], ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
