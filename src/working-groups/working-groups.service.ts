import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import { assertCanManageCommittee, assertCanReadCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../common/errors/problem.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import { type Page, type PageQuery } from '../common/pagination/pagination.js';
import { Participant } from '../participants/participant.entity.js';
import type { AddMemberDto, CreateWorkingGroupDto, UpdateWorkingGroupDto } from './dto/working-group.dto.js';
import { WorkingGroupMember, type MemberRole } from './working-group-member.entity.js';
import { WorkingGroup } from './working-group.entity.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import { WorkingGroupErrorCode } from './working-group-errors.js';

@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupsRepository,
  ) {}

  async create(
    principal: Principal,
    committeeId: string,
    input: CreateWorkingGroupDto,
  ): Promise<WorkingGroup> {
    assertCanManageCommittee(principal, committeeId);
    return this.dataSource.transaction(async (manager) => {
      const committee = await manager.findOneBy(Committee, { id: committeeId });
      if (!committee) throw new NotFoundError('Committee');
      await assertSlugFree(manager, committeeId, input.slug);
      const group = await manager.save(
        manager.create(WorkingGroup, {
          committeeId,
          slug: input.slug,
          name: toLocalizedText(input.name, committee.defaultLocale),
          description: input.description ? toLocalizedText(input.description, committee.defaultLocale) : null,
          status: 'active',
        }),
      );
      await touchCommittee(manager, committeeId);
      return group;
    });
  }

  async list(principal: Principal, committeeId: string, page: PageQuery): Promise<Page<WorkingGroup>> {
    assertCanReadCommittee(principal, committeeId);
    return this.groups.pageOf(committeeId, page);
  }

  async get(principal: Principal, id: string): Promise<WorkingGroup> {
    const group = await this.dataSource.getRepository(WorkingGroup).findOneBy({ id });
    if (!group) throw new NotFoundError('Working group');
    assertCanReadCommittee(principal, group.committeeId, 'Working group');
    return group;
  }

  async update(principal: Principal, id: string, input: UpdateWorkingGroupDto): Promise<WorkingGroup> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.lockForWrite(manager, principal, id);
      const committee = await manager.findOneByOrFail(Committee, { id: group.committeeId });
      if (input.slug !== undefined && input.slug !== group.slug) {
        await assertSlugFree(manager, group.committeeId, input.slug);
      }
      Object.assign(group, {
        ...(input.slug !== undefined && { slug: input.slug }),
        ...(input.name !== undefined && { name: toLocalizedText(input.name, committee.defaultLocale) }),
        ...(input.description !== undefined && {
          description:
            input.description === null ? null : toLocalizedText(input.description, committee.defaultLocale),
        }),
        ...(input.status !== undefined && { status: input.status }),
      });
      const saved = await manager.save(group);
      await touchCommittee(manager, group.committeeId);
      return saved;
    });
  }

  archive(principal: Principal, id: string): Promise<WorkingGroup> {
    return this.update(principal, id, { status: 'archived' });
  }

  async members(principal: Principal, id: string): Promise<WorkingGroupMember[]> {
    await this.get(principal, id);
    return this.dataSource.getRepository(WorkingGroupMember).find({
      where: { workingGroupId: id },
      relations: { participant: true },
      order: { createdAt: 'ASC', participantId: 'ASC' },
    });
  }

  async addMember(principal: Principal, id: string, input: AddMemberDto): Promise<WorkingGroupMember> {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.lockForWrite(manager, principal, id);
      const participant = await manager.findOneBy(Participant, { id: input.participantId });
      if (!participant || participant.committeeId !== group.committeeId) {
        throw new UnprocessableError(
          [{ path: 'participantId', message: 'must be a participant of the same committee' }],
          'A member must be a participant of the working group’s committee',
        );
      }
      if (
        await manager.existsBy(WorkingGroupMember, { workingGroupId: id, participantId: input.participantId })
      ) {
        throw new ConflictError(
          WorkingGroupErrorCode.AlreadyMember,
          'The participant is already a member of this working group',
          [{ path: 'participantId', message: 'is already a member' }],
        );
      }
      const member = await manager.save(
        manager.create(WorkingGroupMember, {
          workingGroupId: id,
          participantId: input.participantId,
          role: input.role ?? 'member',
        }),
      );
      await touchCommittee(manager, group.committeeId);
      return Object.assign(member, { participant });
    });
  }

  async changeMemberRole(principal: Principal, id: string, participantId: string, role: MemberRole) {
    return this.dataSource.transaction(async (manager) => {
      const group = await this.lockForWrite(manager, principal, id);
      const member = await manager.findOne(WorkingGroupMember, {
        where: { workingGroupId: id, participantId },
        relations: { participant: true },
      });
      if (!member) throw new NotFoundError('Member');
      member.role = role;
      const saved = await manager.save(member);
      await touchCommittee(manager, group.committeeId);
      return saved;
    });
  }

  async removeMember(principal: Principal, id: string, participantId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const group = await this.lockForWrite(manager, principal, id);
      const result = await manager.delete(WorkingGroupMember, { workingGroupId: id, participantId });
      if (!result.affected) throw new NotFoundError('Member');
      await touchCommittee(manager, group.committeeId);
    });
  }

  private async lockForWrite(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<WorkingGroup> {
    const group = await manager.findOne(WorkingGroup, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!group) throw new NotFoundError('Working group');
    assertCanManageCommittee(principal, group.committeeId, 'Working group');
    return group;
  }
}

async function assertSlugFree(manager: EntityManager, committeeId: string, slug: string): Promise<void> {
  if (await manager.existsBy(WorkingGroup, { committeeId, slug })) {
    throw new ConflictError(
      WorkingGroupErrorCode.SlugTaken,
      `The committee already has a working group "${slug}"`,
      [{ path: 'slug', message: 'is already used by another working group of this committee' }],
    );
  }
}
