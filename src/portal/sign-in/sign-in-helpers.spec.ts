import { clientAddress } from './client-address.js';
import { readCookie, sessionCookie } from './portal-cookie.js';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.2', 0)).toBe('10.0.0.2');
  });

  it('takes the entry the trusted proxy added, not what the client wrote before it', () => {
    expect(clientAddress('1.1.1.1, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('1.1.1.1, 203.0.113.9, 10.0.0.7', '10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress(['203.0.113.9'], '10.0.0.2', 3)).toBe('203.0.113.9');
  });

  it('falls back to the socket when there is no header', () => {
    expect(clientAddress(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress(' , ', '10.0.0.2', 1)).toBe('10.0.0.2');
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Lax, Secure only over https', () => {
    expect(sessionCookie('abc', { secure: true, maxAgeSeconds: 60 })).toBe(
      'quorum_session=abc; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure',
    );
    expect(sessionCookie('abc', { secure: false, maxAgeSeconds: 0 })).not.toContain('Secure');
  });

  it('is read back from a Cookie header among others', () => {
    expect(readCookie('a=1; quorum_session=x%2By; b=2', 'quorum_session')).toBe('x+y');
    expect(readCookie('a=1', 'quorum_session')).toBeUndefined();
    expect(readCookie(undefined, 'quorum_session')).toBeUndefined();
  });
});
