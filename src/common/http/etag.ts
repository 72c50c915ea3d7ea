import { PreconditionFailedError } from '../errors/problem.js';

export function versionETag(version: number): string {
  return `"${version}"`;
}

/**
 * If-Match as RFC 9110 says: `*` or a list of entity tags; a write whose If-Match names no
 * current version is refused with 412 and changes nothing.
 */
export function assertIfMatch(ifMatch: string | undefined, currentVersion: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const current = versionETag(currentVersion);
  const tags = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!tags.includes(current)) {
    throw new PreconditionFailedError(
      `The resource has changed: its ETag is now ${current}, not ${ifMatch.trim()}. Fetch it again and retry.`,
    );
  }
}
