import { In, type EntityManager } from 'typeorm';
import { ConflictError, UnprocessableError } from '../common/errors/problem.js';
import { counted, isOrAre } from '../common/i18n/plural.js';
import { Participant } from '../participants/participant.entity.js';
import { invitedCount } from './sessions.repository.js';

/**
 * The rule for a list of invitations, to a session or a series alike: each names a different
 * participant of the committee; a 422 names every invitation that does not.
 */
export async function assertInvitable(
  manager: EntityManager,
  committeeId: string,
  invitations: Array<{ participantId: string }>,
): Promise<void> {
  const ids = invitations.map((invitation) => invitation.participantId);
  const participants = await manager.findBy(Participant, { id: In(ids), committeeId });
  const known = new Set(participants.map((participant) => participant.id));
  const problems = ids.flatMap((id, index) => {
    if (ids.indexOf(id) !== index) {
      return [{ path: `invitations[${index}].participantId`, message: `names ${id} twice` }];
    }
    return known.has(id)
      ? []
      : [{ path: `invitations[${index}].participantId`, message: 'must be a participant of the committee' }];
  });
  if (problems.length > 0) throw new UnprocessableError(problems);
}

/** A 409 when the session has more invitees than room. */
export async function assertWithinCapacity(
  manager: EntityManager,
  sessionId: string,
  capacity: number,
): Promise<void> {
  const count = await invitedCount(manager, sessionId);
  if (count > capacity) {
    throw new ConflictError(
      'capacity-exceeded',
      `The session has room for ${counted(capacity, 'participant')}; ${count} ${isOrAre(count)} invited`,
    );
  }
}
