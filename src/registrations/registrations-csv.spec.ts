import type { Registration } from './registration.entity.js';
import { registrationsCsv } from './registrations-csv.js';

function registration(overrides: Partial<Registration>): Registration {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    status: 'confirmed',
    fullName: 'Mary Adams',
    email: 'mary@example.org',
    organization: 'Dairy Ltd',
    country: 'GB',
    language: 'en',
    createdAt: new Date('2026-11-02T08:00:00Z'),
    addressConfirmedAt: new Date('2026-11-02T08:05:00Z'),
    queuePosition: 1,
    ...overrides,
  } as Registration;
}

describe('registrationsCsv', () => {
  it('starts with a byte order mark and ends every row with CRLF', () => {
    const csv = registrationsCsv([registration({})]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'id,status,name,email,organization,country,language,registeredAt,addressConfirmedAt,queuePosition',
      '00000000-0000-4000-8000-000000000001,confirmed,Mary Adams,mary@example.org,Dairy Ltd,GB,en,2026-11-02T08:00:00.000Z,2026-11-02T08:05:00.000Z,1',
      '',
    ]);
  });

  it.each([
    ['مریم احمدی', 'مریم احمدی'],
    ['АО "Молоко", Вологда', '"АО ""Молоко"", Вологда"'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+7 495', "'+7 495"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('writes the name %j as %j', (name, cell) => {
    const row = registrationsCsv([registration({ fullName: name })])
      .slice(1)
      .split('\r\n')[1];
    expect(row.split(',confirmed,')[1].startsWith(`${cell},`)).toBe(true);
  });

  it('leaves the cells of a purged or unconfirmed registration empty', () => {
    const row = registrationsCsv([
      registration({
        fullName: null,
        email: null,
        organization: null,
        addressConfirmedAt: null,
        queuePosition: null,
      }),
    ])
      .slice(1)
      .split('\r\n')[1];
    expect(row).toBe('00000000-0000-4000-8000-000000000001,confirmed,,,,GB,en,2026-11-02T08:00:00.000Z,,');
  });
});
