import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import type { Principal } from '../common/auth/principal.js';
import { NotFoundError, UnprocessableError, type FieldProblem } from '../common/errors/problem.js';
import { assertIfMatch } from '../common/http/etag.js';
import { toLocalizedText } from '../common/i18n/localized-text.js';
import { Participant } from '../participants/participant.entity.js';
import type { Session } from '../sessions/session.entity.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AgendaRepository } from './agenda.repository.js';
import { AgendaItem } from './agenda-item.entity.js';
import type { AgendaOrderDto, CreateAgendaItemDto, UpdateAgendaItemDto } from './dto/agenda-item.dto.js';

type Write<T> = (manager: EntityManager, session: Session, locale: string) => Promise<T>;

@Injectable()
export class AgendaItemsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly agenda: AgendaRepository,
  ) {}

  async list(principal: Principal, sessionId: string): Promise<AgendaItem[]> {
    await this.sessions.get(principal, sessionId);
    return this.agenda.itemsOf(this.dataSource.manager, sessionId);
  }

  create(
    principal: Principal,
    sessionId: string,
    input: CreateAgendaItemDto,
    ifMatch?: string,
  ): Promise<AgendaItem> {
    return this.write(principal, sessionId, ifMatch, async (manager, session, locale) => {
      const parentId = input.parentId ?? null;
      if (parentId) await assertTopLevelItem(manager, sessionId, parentId);
      await assertPresenters(manager, session.committeeId, input.presenterIds ?? []);
      const next = await this.agenda.nextPosition(manager, sessionId, parentId);
      return manager.save(
        manager.create(AgendaItem, {
          sessionId,
          parentId,
          position: next,
          title: toLocalizedText(input.title, locale),
          description: input.description ? toLocalizedText(input.description, locale) : null,
          kind: input.kind,
          durationMinutes: input.durationMinutes,
          presenterIds: input.presenterIds ?? [],
          links: (input.links ?? []).map((link) => ({
            title: toLocalizedText(link.title, locale),
            url: link.url,
          })),
        }),
      );
    });
  }

  update(
    principal: Principal,
    sessionId: string,
    itemId: string,
    input: UpdateAgendaItemDto,
    ifMatch?: string,
  ): Promise<AgendaItem> {
    return this.write(principal, sessionId, ifMatch, async (manager, session, locale) => {
      const item = await manager.findOneBy(AgendaItem, { id: itemId, sessionId });
      if (!item) throw new NotFoundError('Agenda item');
      if (input.parentId !== undefined && input.parentId !== item.parentId) {
        if (input.parentId) {
          if (input.parentId === item.id)
            throw new UnprocessableError([{ path: 'parentId', message: 'cannot be the item itself' }]);
          await assertTopLevelItem(manager, sessionId, input.parentId);
          if (await manager.existsBy(AgendaItem, { parentId: item.id })) {
            throw new UnprocessableError([
              { path: 'parentId', message: 'an item with sub-items cannot become a sub-item' },
            ]);
          }
        }
        item.position = await this.agenda.nextPosition(manager, sessionId, input.parentId ?? null);
        item.parentId = input.parentId ?? null;
      }
      if (input.presenterIds) await assertPresenters(manager, session.committeeId, input.presenterIds);
      Object.assign(item, {
        ...(input.title !== undefined && { title: toLocalizedText(input.title, locale) }),
        ...(input.description !== undefined && {
          description: input.description === null ? null : toLocalizedText(input.description, locale),
        }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.durationMinutes !== undefined && { durationMinutes: input.durationMinutes }),
        ...(input.presenterIds !== undefined && { presenterIds: input.presenterIds }),
        ...(input.links !== undefined && {
          links: input.links.map((link) => ({ title: toLocalizedText(link.title, locale), url: link.url })),
        }),
      });
      return manager.save(item);
    });
  }

  remove(principal: Principal, sessionId: string, itemId: string, ifMatch?: string): Promise<void> {
    return this.write(principal, sessionId, ifMatch, async (manager) => {
      const result = await manager.delete(AgendaItem, { id: itemId, sessionId });
      if (!result.affected) throw new NotFoundError('Agenda item');
    });
  }

  /** Sets the whole order (and the parents) at once; rejected whole unless it names every item exactly once. */
  reorder(
    principal: Principal,
    sessionId: string,
    input: AgendaOrderDto,
    ifMatch?: string,
  ): Promise<AgendaItem[]> {
    return this.write(principal, sessionId, ifMatch, async (manager) => {
      const items = await manager.findBy(AgendaItem, { sessionId });
      checkOrder(items, input);
      const positions = new Map<string | null, number>();
      const places = input.items.map((entry) => {
        const parentId = entry.parentId ?? null;
        const position = (positions.get(parentId) ?? 0) + 1;
        positions.set(parentId, position);
        return { id: entry.id, parentId, position };
      });
      await this.agenda.placeAll(manager, places);
      return this.agenda.itemsOf(manager, sessionId);
    });
  }

  /** Every agenda write: one transaction, the session locked, its version (the ETag) raised. */
  private write<T>(
    principal: Principal,
    sessionId: string,
    ifMatch: string | undefined,
    work: Write<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.lockForWrite(manager, principal, sessionId);
      assertIfMatch(ifMatch, session.version);
      const committee = await manager.findOneByOrFail(Committee, { id: session.committeeId });
      const result = await work(manager, session, committee.defaultLocale);
      await this.agenda.bumpSessionVersion(manager, sessionId);
      await touchCommittee(manager, session.committeeId);
      return result;
    });
  }
}

function checkOrder(items: AgendaItem[], input: AgendaOrderDto): void {
  const known = new Set(items.map((item) => item.id));
  const named = input.items.map((entry) => entry.id);
  const parents = new Map(input.items.map((entry) => [entry.id, entry.parentId ?? null]));
  const problems: FieldProblem[] = [];
  input.items.forEach((entry, index) => {
    if (!known.has(entry.id))
      problems.push({ path: `items[${index}].id`, message: 'is not an item of this session' });
    if (named.indexOf(entry.id) !== index)
      problems.push({ path: `items[${index}].id`, message: 'appears twice' });
    const parentId = entry.parentId ?? null;
    if (parentId === null) return;
    if (parentId === entry.id)
      problems.push({ path: `items[${index}].parentId`, message: 'cannot be the item itself' });
    else if (!parents.has(parentId))
      problems.push({ path: `items[${index}].parentId`, message: 'is not in the list' });
    else if (parents.get(parentId) !== null) {
      problems.push({
        path: `items[${index}].parentId`,
        message: 'is itself a sub-item; sub-items go one level deep',
      });
    }
  });
  const missing = items.filter((item) => !named.includes(item.id)).map((item) => item.id);
  if (missing.length > 0) problems.push({ path: 'items', message: `leaves out ${missing.join(', ')}` });
  if (problems.length > 0)
    throw new UnprocessableError(problems, 'The order must name every item of the session once');
}

async function assertTopLevelItem(
  manager: EntityManager,
  sessionId: string,
  parentId: string,
): Promise<void> {
  const parent = await manager.findOneBy(AgendaItem, { id: parentId, sessionId });
  if (!parent)
    throw new UnprocessableError([{ path: 'parentId', message: 'must be an item of the same session' }]);
  if (parent.parentId !== null) {
    throw new UnprocessableError([
      { path: 'parentId', message: 'is itself a sub-item; sub-items go one level deep' },
    ]);
  }
}

async function assertPresenters(
  manager: EntityManager,
  committeeId: string,
  presenterIds: string[],
): Promise<void> {
  const unique = [...new Set(presenterIds)];
  if (unique.length === 0) return;
  const found = await manager.countBy(Participant, { id: In(unique), committeeId });
  if (found !== unique.length || unique.length !== presenterIds.length) {
    throw new UnprocessableError([
      { path: 'presenterIds', message: 'must name distinct participants of the session’s committee' },
    ]);
  }
}
