import { Injectable } from '@nestjs/common';
import { counted } from '../common/i18n/plural.js';
import { DataSource, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import {
  assertCanManageCommittee,
  assertCanReadCommittee,
  canManageCommittee,
} from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, ForbiddenError, invalid, NotFoundError } from '../common/errors/problem.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import { type Page } from '../common/pagination/pagination.js';
import { Party } from '../parties/party.entity.js';
import type {
  CreateParticipantDto,
  ParticipantListQuery,
  UpdateParticipantDto,
} from './dto/participant.dto.js';
import { participantSearchText } from './participant-search.js';
import { Participant } from './participant.entity.js';
import { ParticipantsRepository } from './participants.repository.js';
import { ParticipantErrorCode } from './participant-errors.js';

const OWN_FIELDS = new Set(['timeZone', 'locale']);

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly participants: ParticipantsRepository,
  ) {}

  async create(principal: Principal, committeeId: string, input: CreateParticipantDto): Promise<Participant> {
    assertCanManageCommittee(principal, committeeId);
    return this.dataSource.transaction(async (manager) => {
      const committee = await manager.findOneBy(Committee, { id: committeeId });
      if (!committee) throw new NotFoundError('Committee');
      const party = await findParty(manager, committeeId, input.partyId);
      const locale = committee.defaultLocale;
      const fullName = toLocalizedText(input.fullName, locale);
      await assertEmailFree(manager, committeeId, input.email);
      const participant = manager.create(Participant, {
        committeeId,
        partyId: party.id,
        fullName,
        email: input.email,
        emailKey: input.email.toLowerCase(),
        organization: input.organization ? toLocalizedText(input.organization, locale) : null,
        position: input.position ? toLocalizedText(input.position, locale) : null,
        delegationRole: input.delegationRole ?? 'member',
        timeZone: input.timeZone ?? party.timeZone,
        locale: input.locale ?? party.locale,
        searchText: participantSearchText(fullName, input.email),
      });
      const saved = await manager.save(participant);
      await touchCommittee(manager, committeeId);
      return saved;
    });
  }

  async list(
    principal: Principal,
    committeeId: string,
    query: ParticipantListQuery,
  ): Promise<Page<Participant>> {
    assertCanReadCommittee(principal, committeeId);
    return this.participants.pageOf(committeeId, query, await this.ownPartyOf(principal));
  }

  /**
   * Whether the caller sees a participant's e-mail address: a delegate sees those of its own
   * party only, everyone else who may read the participant sees them all.
   */
  async emailShownTo(principal: Principal): Promise<(participant: Participant) => boolean> {
    const ownParty = await this.ownPartyOf(principal);
    return ownParty === undefined ? () => true : (participant) => participant.partyId === ownParty;
  }

  /** A delegate's party; undefined for callers who are not delegates. */
  private async ownPartyOf(principal: Principal): Promise<string | undefined> {
    if (principal.role !== 'delegate' || !principal.participantId) return undefined;
    const own = await this.dataSource
      .getRepository(Participant)
      .findOne({ where: { id: principal.participantId }, select: { partyId: true } });
    return own?.partyId ?? '';
  }

  async get(principal: Principal, id: string): Promise<Participant> {
    const participant = await this.dataSource.getRepository(Participant).findOneBy({ id });
    if (!participant) throw new NotFoundError('Participant');
    assertCanReadCommittee(principal, participant.committeeId, 'Participant');
    return participant;
  }

  async update(principal: Principal, id: string, input: UpdateParticipantDto): Promise<Participant> {
    return this.dataSource.transaction(async (manager) => {
      const participant = await manager.findOne(Participant, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!participant) throw new NotFoundError('Participant');
      assertCanReadCommittee(principal, participant.committeeId, 'Participant');
      if (!canManageCommittee(principal, participant.committeeId)) {
        const ownFieldsOnly = Object.keys(input).every((field) => OWN_FIELDS.has(field));
        if (principal.participantId !== id || !ownFieldsOnly) {
          throw new ForbiddenError('A delegate may change only its own timeZone and locale');
        }
      }
      const committee = await manager.findOneByOrFail(Committee, { id: participant.committeeId });
      const locale = committee.defaultLocale;
      if (input.partyId !== undefined && input.partyId !== participant.partyId) {
        await findParty(manager, participant.committeeId, input.partyId);
        participant.partyId = input.partyId;
      }
      if (input.email !== undefined && input.email.toLowerCase() !== participant.emailKey) {
        await assertEmailFree(manager, participant.committeeId, input.email);
      }
      Object.assign(participant, {
        ...(input.fullName !== undefined && { fullName: toLocalizedText(input.fullName, locale) }),
        ...(input.email !== undefined && { email: input.email, emailKey: input.email.toLowerCase() }),
        ...(input.organization !== undefined && {
          organization: input.organization === null ? null : toLocalizedText(input.organization, locale),
        }),
        ...(input.position !== undefined && {
          position: input.position === null ? null : toLocalizedText(input.position, locale),
        }),
        ...(input.delegationRole !== undefined && { delegationRole: input.delegationRole }),
        ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
        ...(input.locale !== undefined && { locale: input.locale }),
      });
      participant.searchText = participantSearchText(participant.fullName, participant.email);
      const saved = await manager.save(participant);
      await touchCommittee(manager, participant.committeeId);
      return saved;
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const participant = await manager.findOne(Participant, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!participant) throw new NotFoundError('Participant');
      assertCanManageCommittee(principal, participant.committeeId, 'Participant');
      const { sessions, series } = await this.participants.invitationCounts(manager, id);
      if (sessions > 0 || series > 0) {
        const held = [
          ...(sessions > 0 ? [counted(sessions, 'session')] : []),
          ...(series > 0 ? [counted(series, 'series', 'series')] : []),
        ].join(' and ');
        throw new ConflictError(
          ParticipantErrorCode.Invited,
          `The participant is invited to ${held}; remove those invitations first`,
        );
      }
      await manager.delete(Participant, { id });
      await touchCommittee(manager, participant.committeeId);
    });
  }
}

async function findParty(manager: EntityManager, committeeId: string, partyId: string): Promise<Party> {
  const party = await manager.findOneBy(Party, { id: partyId, committeeId });
  if (!party) throw invalid('partyId', 'must be a party of the same committee');
  return party;
}

async function assertEmailFree(manager: EntityManager, committeeId: string, email: string): Promise<void> {
  if (await manager.existsBy(Participant, { committeeId, emailKey: email.toLowerCase() })) {
    throw new ConflictError(
      ParticipantErrorCode.EmailTaken,
      'Another participant of this committee has this e-mail address',
      [{ path: 'email', message: 'is already used by another participant of this committee' }],
    );
  }
}
