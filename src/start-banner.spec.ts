import { startBanner } from './start-banner.js';

const base = { url: 'http://localhost:31300', database: 'embedded PostgreSQL in /tmp/db' };

describe('startBanner', () => {
  it('names the API, the docs, the new admin token and an example request that uses it', () => {
    const banner = startBanner({ ...base, newAdminToken: 'qrm_abc', adminTokenFromEnvironment: false });
    expect(banner).toContain('http://localhost:31300/api/v1');
    expect(banner).toContain('http://localhost:31300/docs');
    expect(banner).toContain('qrm_abc');
    expect(banner).toContain(
      "curl -H 'Authorization: Bearer qrm_abc' http://localhost:31300/api/v1/committees",
    );
    expect(banner.split('\n').length).toBeLessThanOrEqual(12);
  });

  it('shows no token on later starts', () => {
    const banner = startBanner({ ...base, adminTokenFromEnvironment: false });
    expect(banner).not.toContain('qrm_');
    expect(banner).toContain('Bearer <admin token>');
  });
});
