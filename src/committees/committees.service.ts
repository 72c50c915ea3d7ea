import { Injectable } from '@nestjs/common';
import { counted } from '../common/i18n/plural.js';
import { DataSource, Repository } from 'typeorm';
import { assertCanManageCommittee, assertCanReadCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/errors/problem.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import { type Page, type PageQuery } from '../common/pagination/pagination.js';
import { Committee } from './committee.entity.js';
import { touchCommittee } from './committee-version.js';
import { CommitteesRepository } from './committees.repository.js';
import type { CreateCommitteeDto, UpdateCommitteeDto } from './dto/committee.dto.js';
import { CommitteeErrorCode } from './committee-errors.js';

@Injectable()
export class CommitteesService {
  private readonly committees: Repository<Committee>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: CommitteesRepository,
  ) {
    this.committees = dataSource.getRepository(Committee);
  }

  async create(principal: Principal, input: CreateCommitteeDto): Promise<Committee> {
    if (principal.role !== 'admin') {
      throw new ForbiddenError('Only an admin creates committees');
    }
    await this.assertSlugFree(input.slug);
    const locale = input.defaultLocale ?? 'en';
    return this.committees.save(
      this.committees.create({
        slug: input.slug,
        name: toLocalizedText(input.name, locale),
        description: input.description ? toLocalizedText(input.description, locale) : null,
        defaultTimeZone: input.defaultTimeZone,
        defaultLocale: locale,
        organizerEmail: input.organizerEmail ?? null,
        reminderHours: input.reminderHours ?? 24,
      }),
    );
  }

  list(principal: Principal, page: PageQuery): Promise<Page<Committee>> {
    return this.repository.pageVisibleTo(principal, page);
  }

  async get(principal: Principal, id: string): Promise<Committee> {
    assertCanReadCommittee(principal, id);
    const committee = await this.committees.findOneBy({ id });
    if (!committee) throw new NotFoundError('Committee');
    return committee;
  }

  async update(principal: Principal, id: string, input: UpdateCommitteeDto): Promise<Committee> {
    assertCanManageCommittee(principal, id);
    return this.dataSource.transaction(async (manager) => {
      const committees = manager.getRepository(Committee);
      // Locked so that two edits never interleave; the feed version goes up in SQL (touchCommittee),
      // never from a value read here, so a concurrent session write cannot be undone.
      const committee = await committees.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!committee) throw new NotFoundError('Committee');
      if (input.slug !== undefined && input.slug !== committee.slug) await this.assertSlugFree(input.slug);
      const locale = input.defaultLocale ?? committee.defaultLocale;
      const changes: Partial<Committee> = {
        ...(input.slug !== undefined && { slug: input.slug }),
        ...(input.name !== undefined && { name: toLocalizedText(input.name, locale) }),
        ...(input.description !== undefined && {
          description: input.description === null ? null : toLocalizedText(input.description, locale),
        }),
        ...(input.defaultTimeZone !== undefined && { defaultTimeZone: input.defaultTimeZone }),
        ...(input.defaultLocale !== undefined && { defaultLocale: input.defaultLocale }),
        ...(input.organizerEmail !== undefined && { organizerEmail: input.organizerEmail }),
        ...(input.reminderHours !== undefined && { reminderHours: input.reminderHours }),
      };
      if (Object.keys(changes).length === 0) return committee;
      await committees.update({ id }, changes);
      await touchCommittee(manager, id);
      return committees.findOneByOrFail({ id });
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    assertCanManageCommittee(principal, id);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.lockForDelete(manager, id))) throw new NotFoundError('Committee');
      const count = await this.repository.sessionCount(manager, id);
      if (count > 0) {
        throw new ConflictError(
          CommitteeErrorCode.HasSessions,
          `The committee has ${counted(count, 'session')}; delete them first`,
        );
      }
      await this.repository.delete(manager, id);
    });
  }

  private async assertSlugFree(slug: string): Promise<void> {
    if (await this.committees.existsBy({ slug })) {
      throw new ConflictError(
        CommitteeErrorCode.SlugTaken,
        `The slug "${slug}" is already used by another committee`,
        [{ path: 'slug', message: 'is already used by another committee' }],
      );
    }
  }
}
