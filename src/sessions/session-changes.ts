import { isDeepStrictEqual } from 'node:util';
import type { Session } from './session.entity.js';

/** Changes calendar apps must notice (DESIGN.md, Sequence): each raises `sequence` by one. */
const SIGNIFICANT_FIELDS = [
  'startsAt',
  'endsAt',
  'timeZone',
  'status',
  'location',
  'onlineMeeting',
  'title',
] as const;

/**
 * Applies `changes` to the session. Returns whether anything changed at all; bumps `version`
 * on any change and `sequence` once when any significant field changed.
 */
export function applySessionChanges(session: Session, changes: Partial<Session>): boolean {
  const changed = (Object.keys(changes) as Array<keyof Session>).filter(
    (field) => changes[field] !== undefined && !sameValue(session[field], changes[field]),
  );
  if (changed.length === 0) return false;
  const significant = changed.some((field) => (SIGNIFICANT_FIELDS as readonly string[]).includes(field));
  for (const field of changed) Object.assign(session, { [field]: changes[field] });
  session.version += 1;
  if (significant) session.sequence += 1;
  return true;
}

/** Equal as stored values: dates by instant, objects by content, `undefined` as `null`. */
export function sameValue(current: unknown, next: unknown): boolean {
  if (current instanceof Date && next instanceof Date) return current.getTime() === next.getTime();
  return isDeepStrictEqual(current ?? null, next ?? null);
}
