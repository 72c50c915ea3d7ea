import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { canManageCommittee, canReadCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { generateToken, hashToken } from '../common/auth/token-hash.js';
import { ForbiddenError, invalid, NotFoundError } from '../common/errors/problem.js';
import { paginate, type Page } from '../common/pagination/pagination.js';
import { Participant } from '../participants/participant.entity.js';
import { WorkingGroupMember } from '../working-groups/working-group-member.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';
import { CalendarFeed } from './calendar-feed.entity.js';
import type { CreateFeedDto, FeedListQuery } from './dto/feed.dto.js';

interface FeedTarget {
  committeeId: string;
  participantId: string | null;
  workingGroupId: string | null;
  defaultLocale: string;
}

@Injectable()
export class FeedsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Makes a feed and its secret (256 random bits); only the secret's hash is stored. */
  async create(principal: Principal, input: CreateFeedDto): Promise<{ feed: CalendarFeed; secret: string }> {
    return this.dataSource.transaction(async (manager) => {
      const target = await resolveTarget(manager, input);
      // A target in a committee the caller cannot see answers exactly as an unknown one does.
      if (!canReadCommittee(principal, target.committeeId)) throw missingTarget(input);
      const managing = canManageCommittee(principal, target.committeeId);
      if (!managing) await assertDelegateMayFollow(manager, principal, input.scope, target);
      const secret = generateToken('cal');
      const feed = await manager.save(
        manager.create(CalendarFeed, {
          scope: input.scope,
          committeeId: target.committeeId,
          participantId: target.participantId,
          workingGroupId: target.workingGroupId,
          ownerParticipantId: managing ? null : principal.participantId,
          label: input.label,
          locale: input.locale ?? (await ownLocale(manager, principal)) ?? target.defaultLocale,
          tokenHash: hashToken(secret),
          lastFetchedAt: null,
          revokedAt: null,
        }),
      );
      return { feed, secret };
    });
  }

  list(principal: Principal, query: FeedListQuery): Promise<Page<CalendarFeed>> {
    const builder = this.dataSource.getRepository(CalendarFeed).createQueryBuilder('feed');
    if (principal.role === 'organizer') {
      builder.where('feed.committee_id = ANY(:ids)', { ids: principal.committeeIds });
    } else if (principal.role === 'delegate') {
      builder.where(
        '(feed.owner_participant_id = :me OR (feed.scope = :participantScope AND feed.participant_id = :me))',
        {
          me: principal.participantId,
          participantScope: 'participant',
        },
      );
    }
    if (query.committeeId)
      builder.andWhere('feed.committee_id = :committeeId', { committeeId: query.committeeId });
    return paginate(builder, {
      sortExpression: 'feed.created_at',
      idExpression: 'feed.id',
      sortCast: 'timestamptz',
      page: query,
    });
  }

  async revoke(principal: Principal, id: string): Promise<CalendarFeed> {
    const repository = this.dataSource.getRepository(CalendarFeed);
    const feed = await repository.findOneBy({ id });
    if (!feed || !this.mayManage(principal, feed)) throw new NotFoundError('Feed');
    if (!feed.revokedAt) {
      feed.revokedAt = new Date();
      await repository.save(feed);
    }
    return feed;
  }

  private mayManage(principal: Principal, feed: CalendarFeed): boolean {
    if (canManageCommittee(principal, feed.committeeId)) return true;
    const me = principal.participantId;
    return (
      me !== null &&
      (feed.ownerParticipantId === me || (feed.scope === 'participant' && feed.participantId === me))
    );
  }
}

/** A delegate reads its feeds in its own language, whatever their scope. */
async function ownLocale(manager: EntityManager, principal: Principal): Promise<string | undefined> {
  if (principal.role !== 'delegate' || !principal.participantId) return undefined;
  return (await manager.findOneBy(Participant, { id: principal.participantId }))?.locale;
}

function missingTarget(input: CreateFeedDto) {
  return invalid('targetId', `is not a known ${input.scope.replace('_', ' ')}`);
}

async function resolveTarget(manager: EntityManager, input: CreateFeedDto): Promise<FeedTarget> {
  const missing = () => missingTarget(input);
  if (input.scope === 'participant') {
    const participant = await manager.findOneBy(Participant, { id: input.targetId });
    if (!participant) throw missing();
    return {
      committeeId: participant.committeeId,
      participantId: participant.id,
      workingGroupId: null,
      defaultLocale: participant.locale,
    };
  }
  if (input.scope === 'working_group') {
    const group = await manager.findOneBy(WorkingGroup, { id: input.targetId });
    if (!group) throw missing();
    const committee = await manager.findOneByOrFail(Committee, { id: group.committeeId });
    return {
      committeeId: group.committeeId,
      participantId: null,
      workingGroupId: group.id,
      defaultLocale: committee.defaultLocale,
    };
  }
  const committee = await manager.findOneBy(Committee, { id: input.targetId });
  if (!committee) throw missing();
  return {
    committeeId: committee.id,
    participantId: null,
    workingGroupId: null,
    defaultLocale: committee.defaultLocale,
  };
}

/** A delegate follows itself, its own working groups and its own committee. */
async function assertDelegateMayFollow(
  manager: EntityManager,
  principal: Principal,
  scope: CreateFeedDto['scope'],
  target: FeedTarget,
): Promise<void> {
  const me = principal.participantId;
  const allowed =
    (scope === 'participant' && target.participantId === me) ||
    scope === 'committee' ||
    (scope === 'working_group' &&
      me !== null &&
      (await manager.existsBy(WorkingGroupMember, {
        workingGroupId: target.workingGroupId!,
        participantId: me,
      })));
  if (!allowed) {
    throw new ForbiddenError('A delegate may follow only itself, its own working groups and its committee');
  }
}
