export const SESSION_TIMINGS = ['upcoming', 'in_progress', 'over'] as const;
export type SessionTiming = (typeof SESSION_TIMINGS)[number];

/**
 * Where a session stands in time at `now`: computed on every read, never stored, so a past
 * session does not stay "scheduled"-looking forever. Its end is exclusive, as in clash checks.
 */
export function sessionTiming(startsAt: Date, endsAt: Date, now: Date): SessionTiming {
  if (now.getTime() < startsAt.getTime()) return 'upcoming';
  return now.getTime() < endsAt.getTime() ? 'in_progress' : 'over';
}

/**
 * The first moment after `now` at which any of these sessions starts or ends, when its `timing`
 * (upcoming, in progress, over) moves; +Infinity when all are over.
 */
export function nextTimingChange(sessions: Iterable<{ startsAt: Date; endsAt: Date }>, now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const { startsAt, endsAt } of sessions) {
    const moment = startsAt.getTime() > now ? startsAt.getTime() : endsAt.getTime();
    if (moment > now && moment < next) next = moment;
  }
  return next;
}
