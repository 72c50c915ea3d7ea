import type { BusyTime } from './availability.js';

/** A participant's invitation to a session, as the busy-time query reads it. */
export interface InvitedSession {
  participantId: string;
  start: number;
  end: number;
  status: string;
  attendance: string;
  rsvp: string;
}

/**
 * What keeps a participant busy: a session that is not cancelled, in which the participant
 * is required and has not declined. A draft may still move, so it is only tentative.
 */
export function busyTimes(sessions: readonly InvitedSession[]): BusyTime[] {
  return sessions
    .filter(
      (session) =>
        session.status !== 'cancelled' && session.attendance === 'required' && session.rsvp !== 'declined',
    )
    .map((session) => ({
      participantId: session.participantId,
      start: session.start,
      end: session.end,
      tentative: session.status === 'draft',
    }));
}
