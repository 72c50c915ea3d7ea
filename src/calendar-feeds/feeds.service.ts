import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { canManageCommittee, canReadCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { generateToken, hashToken } from '../common/auth/token-hash.js';
import { ForbiddenError, invalid, NotFoundError } from '../common/errors/problem.js';
import type { Page } from '../common/pagination/pagination.js';
import type { CalendarFeed } from './calendar-feed.entity.js';
import type { CreateFeedDto, FeedListQuery } from './dto/feed.dto.js';
import { FeedStates } from './feed-states.js';
import { FeedsRepository, type FeedTarget } from './feeds.repository.js';

@Injectable()
export class FeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly feeds: FeedsRepository,
    private readonly states: FeedStates,
  ) {}

  /** Makes a feed and its secret (256 random bits); only the secret's hash is stored. */
  async create(principal: Principal, input: CreateFeedDto): Promise<{ feed: CalendarFeed; secret: string }> {
    return this.dataSource.transaction(async (manager) => {
      const target = await this.feeds.target(manager, input.scope, input.targetId);
      // A target in a committee the caller cannot see answers exactly as an unknown one does.
      if (!target || !canReadCommittee(principal, target.committeeId)) throw missingTarget(input);
      const managing = canManageCommittee(principal, target.committeeId);
      if (!managing) await this.assertDelegateMayFollow(manager, principal, input.scope, target);
      const secret = generateToken('cal');
      const feed = await this.feeds.insert(manager, {
        scope: input.scope,
        committeeId: target.committeeId,
        participantId: target.participantId,
        workingGroupId: target.workingGroupId,
        ownerParticipantId: managing ? null : principal.participantId,
        label: input.label,
        locale: input.locale ?? (await this.ownLocale(manager, principal)) ?? target.defaultLocale,
        tokenHash: hashToken(secret),
        lastFetchedAt: null,
        revokedAt: null,
      });
      return { feed, secret };
    });
  }

  list(principal: Principal, query: FeedListQuery): Promise<Page<CalendarFeed>> {
    return this.feeds.page(principal, query);
  }

  async revoke(principal: Principal, id: string): Promise<CalendarFeed> {
    const feed = await this.feeds.byId(id);
    if (!feed || !this.mayManage(principal, feed)) throw new NotFoundError('Feed');
    if (!feed.revokedAt) await this.feeds.markRevoked(feed, new Date());
    this.states.forgetFeed(feed.tokenHash);
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

  /** A delegate reads its feeds in its own language, whatever their scope. */
  private async ownLocale(manager: EntityManager, principal: Principal): Promise<string | undefined> {
    if (principal.role !== 'delegate' || !principal.participantId) return undefined;
    return this.feeds.participantLocale(manager, principal.participantId);
  }

  /** A delegate follows itself, its own working groups and its own committee. */
  private async assertDelegateMayFollow(
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
        (await this.feeds.isGroupMember(manager, target.workingGroupId!, me)));
    if (!allowed) {
      throw new ForbiddenError('A delegate may follow only itself, its own working groups and its committee');
    }
  }
}

function missingTarget(input: CreateFeedDto) {
  return invalid('targetId', `is not a known ${input.scope.replace('_', ' ')}`);
}
