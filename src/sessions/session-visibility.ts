import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError } from '../common/errors/problem.js';
import type { Principal } from '../common/auth/principal.js';

/**
 * The SQL condition (on a sessions alias) for what a caller may see, with its parameters.
 * A delegate sees, in its own committee and never as drafts: plenaries, sessions of its
 * working groups, and sessions it is invited to. Calendar feeds use the same rule.
 */
export function visibleSessionsCondition(
  alias: string,
  principal: Principal,
): { condition: string; parameters: Record<string, unknown> } {
  if (principal.role === 'admin') return { condition: 'TRUE', parameters: {} };
  if (principal.role === 'organizer') {
    return {
      condition: `${alias}.committee_id = ANY(:visibleCommitteeIds)`,
      parameters: { visibleCommitteeIds: principal.committeeIds },
    };
  }
  return participantSessionsCondition(
    alias,
    principal.participantCommitteeId ?? '',
    principal.participantId ?? '',
  );
}

export function participantSessionsCondition(
  alias: string,
  committeeId: string,
  participantId: string,
): { condition: string; parameters: Record<string, unknown> } {
  return {
    condition: participantVisibilitySql(alias, ':visibleCommitteeId', ':visibleParticipantId'),
    parameters: { visibleCommitteeId: committeeId, visibleParticipantId: participantId },
  };
}

/**
 * The same rule with the participant and its committee given as SQL expressions, for a query
 * that finds the participant itself (the portal reads the signed-in delegate and the page at once).
 */
export function participantVisibilitySql(
  alias: string,
  committeeSql: string,
  participantSql: string,
): string {
  return `(${alias}.committee_id = ${committeeSql} AND ${alias}.status <> 'draft' AND (
        ${alias}.kind = 'plenary'
        OR ${alias}.working_group_id IN (
          SELECT m.working_group_id FROM working_group_members m WHERE m.participant_id = ${participantSql})
        OR EXISTS (
          SELECT 1 FROM session_participants v
           WHERE v.session_id = ${alias}.id AND v.participant_id = ${participantSql})))`;
}

/**
 * For a caller who may not change a thing: 404 when it cannot even see a session of it
 * (`where` picks the sessions, on alias `s`), else 403.
 */
export async function refuseWrite(
  manager: EntityManager,
  principal: Principal,
  what: string,
  where: { condition: string; parameters: Record<string, unknown> },
): Promise<never> {
  const visible = visibleSessionsCondition('s', principal);
  const seen = await manager
    .createQueryBuilder()
    .select('1', 'seen')
    .from('sessions', 's')
    .where(where.condition, where.parameters)
    .andWhere(visible.condition, visible.parameters)
    .getRawOne<{ seen: number }>();
  if (!seen) throw new NotFoundError(what);
  throw new ForbiddenError('Only the committee’s organizers may change this');
}
