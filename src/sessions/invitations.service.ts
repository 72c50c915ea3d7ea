import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { touchCommittee } from '../committees/committee-version.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors/problem.js';
import { NoticeOutbox } from '../notices/notice-outbox.service.js';
import type { ChangeInvitationDto, InvitationDto, InviteDto, RsvpDto } from './dto/invitation.dto.js';
import type { ClashDto } from './dto/session-output.dto.js';
import { SessionParticipant } from './session-participant.entity.js';
import { checkClashes } from '../scheduling/write-warnings.js';
import { assertInvitable, assertWithinCapacity } from './invitation-rules.js';
import { SessionsService } from './sessions.service.js';

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly notices: NoticeOutbox,
  ) {}

  async list(principal: Principal, sessionId: string): Promise<InvitationDto[]> {
    await this.sessions.get(principal, sessionId);
    return this.invitations(this.dataSource.manager, sessionId);
  }

  async invite(
    principal: Principal,
    sessionId: string,
    input: InviteDto,
    allowConflicts: boolean | undefined,
  ): Promise<{ items: InvitationDto[]; warnings: ClashDto[] }> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForWrite(manager, principal, sessionId);
      const ids = input.invitations.map((invitation) => invitation.participantId);
      await assertInvitable(manager, session.committeeId, input.invitations);
      const already = await manager.findBy(SessionParticipant, { sessionId, participantId: In(ids) });
      if (already.length > 0) {
        throw new ConflictError(
          'already-invited',
          'Some participants are already invited; change their invitation instead',
          [
            ...already.map((row) => ({
              path: `invitations[${ids.indexOf(row.participantId)}].participantId`,
              message: 'is already invited',
            })),
          ],
        );
      }
      await manager.insert(
        SessionParticipant,
        input.invitations.map((invitation) => ({
          sessionId,
          participantId: invitation.participantId,
          role: invitation.role ?? 'attendee',
          attendance: invitation.attendance ?? 'required',
          rsvp: 'needs_action' as const,
        })),
      );
      if (session.capacity !== null) await assertWithinCapacity(manager, sessionId, session.capacity);
      await this.notices.invited(manager, session, ids);
      const warnings = await checkClashes(manager, [session.id], allowConflicts, ids);
      await touchCommittee(manager, session.committeeId);
      return { items: await this.invitations(manager, sessionId), warnings };
    });
  }

  async change(
    principal: Principal,
    sessionId: string,
    participantId: string,
    input: ChangeInvitationDto,
    allowConflicts: boolean | undefined,
  ): Promise<{ items: InvitationDto[]; warnings: ClashDto[] }> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForWrite(manager, principal, sessionId);
      const invitation = await manager.findOneBy(SessionParticipant, { sessionId, participantId });
      if (!invitation) throw new NotFoundError('Invitation');
      const becomesRequired = input.attendance === 'required' && invitation.attendance !== 'required';
      if (input.role) invitation.role = input.role;
      if (input.attendance) invitation.attendance = input.attendance;
      await manager.save(invitation);
      // Only becoming required can make a clash; a role change never does.
      const warnings = becomesRequired
        ? await checkClashes(manager, [session.id], allowConflicts, [participantId])
        : [];
      await touchCommittee(manager, session.committeeId);
      return { items: await this.invitations(manager, sessionId), warnings };
    });
  }

  async remove(principal: Principal, sessionId: string, participantId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForWrite(manager, principal, sessionId);
      const result = await manager.delete(SessionParticipant, { sessionId, participantId });
      if (!result.affected) throw new NotFoundError('Invitation');
      await this.notices.withdrawn(manager, session, [participantId]);
      await touchCommittee(manager, session.committeeId);
    });
  }

  /** A delegate answers for itself; organizers may record an answer given to them. */
  async answer(
    principal: Principal,
    sessionId: string,
    participantId: string,
    input: RsvpDto,
    allowConflicts?: boolean,
  ): Promise<InvitationDto> {
    const session = await this.sessions.get(principal, sessionId);
    if (principal.role === 'delegate' && principal.participantId !== participantId) {
      throw new ForbiddenError('A delegate answers only its own invitations');
    }
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOneBy(SessionParticipant, { sessionId, participantId });
      if (!invitation) throw new NotFoundError('Invitation');
      // Taking back a decline makes a required invitee busy again, which can make a clash.
      const undeclines =
        invitation.rsvp === 'declined' && input.rsvp !== 'declined' && invitation.attendance === 'required';
      invitation.rsvp = input.rsvp;
      await manager.save(invitation);
      if (undeclines) await checkClashes(manager, [sessionId], allowConflicts, [participantId]);
      await touchCommittee(manager, session.committeeId);
      const [answered] = (await this.invitations(manager, sessionId)).filter(
        (row) => row.participantId === participantId,
      );
      return answered;
    });
  }

  private async invitations(manager: EntityManager, sessionId: string): Promise<InvitationDto[]> {
    const rows = await manager.find(SessionParticipant, {
      where: { sessionId },
      relations: { participant: true },
      order: { createdAt: 'ASC', participantId: 'ASC' },
    });
    return rows.map((row) => ({
      participantId: row.participantId,
      fullName: row.participant?.fullName ?? {},
      role: row.role,
      attendance: row.attendance,
      rsvp: row.rsvp,
    }));
  }
}
