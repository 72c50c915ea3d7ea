import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { touchCommittee } from '../committees/committee-version.js';
import { assertCanManageCommittee, canManageCommittee } from '../common/auth/access.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError, invalid, NotFoundError, UnprocessableError } from '../common/errors/problem.js';
import { assertIfMatch } from '../common/http/etag.js';
import { toLocalizedText, type LocalizedText } from '../common/i18n/localized-text.js';
import { type Page } from '../common/pagination/pagination.js';
import { NoticeOutbox, noticeSnapshot } from '../notices/notice-outbox.service.js';
import { localIso, resolveSessionTimes } from '../common/time/zoned-time.js';
import { checkClashes, workingTimeWarningsFor } from '../scheduling/write-warnings.js';
import type { WarningDto } from './dto/session-output.dto.js';
import type { CreateSessionDto, UpdateSessionDto } from './dto/session-input.dto.js';
import type { SessionListQuery } from './dto/session-query.dto.js';
import { applySessionChanges } from './session-changes.js';
import { assertWithinCapacity } from './invitation-rules.js';
import {
  assertWorkingGroupOf,
  onlineMeetingOf,
  optionalText,
  sessionFieldChanges,
} from './session-fields.js';
import { refuseWrite } from './session-access.js';
import { bumpSeriesSequence, lockSession, SessionsRepository } from './sessions.repository.js';
import { Session } from './session.entity.js';
import { MINUTE_MS } from '../common/time/durations.js';

export interface SavedSession {
  session: Session;
  warnings: WarningDto[];
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsRepository,
    private readonly notices: NoticeOutbox,
  ) {}

  async create(principal: Principal, input: CreateSessionDto): Promise<SavedSession> {
    assertCanManageCommittee(principal, input.committeeId);
    return this.dataSource.transaction(async (manager) => {
      const committee = await manager.findOneBy(Committee, { id: input.committeeId });
      if (!committee) throw new NotFoundError('Committee');
      if (input.workingGroupId) await assertWorkingGroupOf(manager, input.committeeId, input.workingGroupId);
      const times = resolveTimes(input);
      const locale = committee.defaultLocale;
      const session = manager.create(Session, {
        committeeId: input.committeeId,
        workingGroupId: input.workingGroupId ?? null,
        seriesId: null,
        recurrenceId: null,
        title: toLocalizedText(input.title, locale),
        description: optionalText(input.description, locale) ?? null,
        kind: input.kind,
        format: input.format,
        status: 'draft',
        timeZone: input.timeZone,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        location: optionalText(input.location, locale) ?? null,
        onlineMeeting: onlineMeetingOf(input.onlineMeeting),
        capacity: input.capacity ?? null,
        sequence: 0,
        version: 1,
        cancellationReason: null,
      });
      const saved = await manager.save(session);
      await touchCommittee(manager, saved.committeeId);
      return { session: saved, warnings: await workingTimeWarningsFor(manager, saved.committeeId, [saved]) };
    });
  }

  /** A page of sessions, each row with its committee's party zones (the default display zones). */
  list(
    principal: Principal,
    query: SessionListQuery,
  ): Promise<Page<Session> & { partyZones: Map<string, string[]> }> {
    const from = query.from === undefined ? undefined : parseBoundary(query.from, 'from');
    const to = query.to === undefined ? undefined : parseBoundary(query.to, 'to');
    if (from && to && from > to) throw invalid('from', 'must not be later than to');
    return this.sessions.visiblePage(principal, { ...query, from, to });
  }

  /** The version of everything the committee's sessions show (see ReadCache). */
  contentVersion(committeeId: string): Promise<number | undefined> {
    return this.sessions.committeeContentVersion(committeeId);
  }

  /** The same, for the committee of this session. */
  contentVersionOfSession(sessionId: string): Promise<number | undefined> {
    return this.sessions.sessionContentVersion(sessionId);
  }

  async get(principal: Principal, id: string): Promise<Session> {
    const session = await this.sessions.visibleById(principal, id);
    if (!session) throw new NotFoundError('Session');
    return session;
  }

  async update(
    principal: Principal,
    id: string,
    input: UpdateSessionDto,
    options: { ifMatch?: string; allowConflicts?: boolean },
  ): Promise<SavedSession> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.lockForWrite(manager, principal, id);
      assertIfMatch(options.ifMatch, session.version);
      if (session.status === 'cancelled') {
        throw new ConflictError(
          'session-cancelled',
          'The session is cancelled; reinstate it (POST /api/v1/sessions/:id/reinstate) before changing it',
        );
      }
      const before = noticeSnapshot(session);
      const committee = await manager.findOneByOrFail(Committee, { id: session.committeeId });
      if (input.workingGroupId)
        await assertWorkingGroupOf(manager, session.committeeId, input.workingGroupId);
      const locale = committee.defaultLocale;
      const times = rescheduledTimes(session, input);
      const moved =
        times.startsAt !== undefined &&
        (times.startsAt.getTime() !== session.startsAt.getTime() ||
          times.endsAt!.getTime() !== session.endsAt.getTime());
      const changed = applySessionChanges(session, {
        ...sessionFieldChanges(input, locale),
        ...times,
      });
      // An occurrence edited on its own keeps its own values when its series is edited later.
      if (changed && session.seriesId) session.detached = true;
      if (session.capacity !== null) await assertWithinCapacity(manager, session.id, session.capacity);
      const saved = await manager.save(session);
      await this.notices.sessionChanged(manager, saved, before);
      // Only a move can make a clash; a clash accepted earlier does not block other edits.
      const warnings = moved
        ? [
            ...(await checkClashes(manager, [saved.id], options.allowConflicts)),
            ...(await workingTimeWarningsFor(manager, saved.committeeId, [saved])),
          ]
        : [];
      await touchCommittee(manager, saved.committeeId);
      return { session: saved, warnings };
    });
  }

  async publish(principal: Principal, id: string, ifMatch?: string): Promise<Session> {
    return this.changeStatus(principal, id, ifMatch, (session) => {
      if (session.status !== 'draft') {
        throw new ConflictError(
          'not-a-draft',
          `Only a draft can be published; this session is ${session.status}`,
        );
      }
      applySessionChanges(session, { status: 'scheduled' });
    });
  }

  async cancel(
    principal: Principal,
    id: string,
    reason: string | LocalizedText,
    ifMatch?: string,
  ): Promise<Session> {
    return this.changeStatus(principal, id, ifMatch, async (session, manager) => {
      if (session.status === 'cancelled') {
        throw new ConflictError('already-cancelled', 'The session is already cancelled');
      }
      // Delegates and feeds never see drafts; a cancelled draft would show them one.
      if (session.status === 'draft') {
        throw new ConflictError(
          'draft-not-cancellable',
          'A draft was never published, so it is deleted (DELETE /api/v1/sessions/:id), not cancelled',
        );
      }
      const committee = await manager.findOneByOrFail(Committee, { id: session.committeeId });
      applySessionChanges(session, {
        status: 'cancelled',
        cancellationReason: toLocalizedText(reason, committee.defaultLocale),
      });
    });
  }

  /** cancelled → scheduled: calendars see it again (SEQUENCE up); it counts for clashes again. */
  async reinstate(
    principal: Principal,
    id: string,
    options: { ifMatch?: string; allowConflicts?: boolean },
  ): Promise<SavedSession> {
    let warnings: WarningDto[] = [];
    const session = await this.changeStatus(
      principal,
      id,
      options.ifMatch,
      (session) => {
        if (session.status !== 'cancelled') {
          throw new ConflictError(
            'not-cancelled',
            `Only a cancelled session can be reinstated; this session is ${session.status}`,
          );
        }
        applySessionChanges(session, { status: 'scheduled', cancellationReason: null });
      },
      async (manager, saved) => {
        warnings = await checkClashes(manager, [saved.id], options.allowConflicts);
      },
    );
    return { session, warnings };
  }

  /** Deletes a draft with its agenda and invitations; a published session is cancelled instead. */
  async removeDraft(principal: Principal, id: string, ifMatch?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await this.lockForWrite(manager, principal, id);
      assertIfMatch(ifMatch, session.version);
      if (session.status !== 'draft') {
        throw new ConflictError(
          'published-session',
          'A published session is cancelled, not deleted, so that calendars learn of it',
        );
      }
      if (session.seriesId) {
        throw new ConflictError(
          'series-occurrence',
          'An occurrence of a series is removed by editing or ending the series',
        );
      }
      await manager.delete(Session, { id });
      await touchCommittee(manager, session.committeeId);
    });
  }

  /** Locks the session row for a write by someone who may manage it (404 when it may not even see it). */
  async lockForWrite(manager: EntityManager, principal: Principal, id: string): Promise<Session> {
    const session = await lockSession(manager, id);
    if (!session) throw new NotFoundError('Session');
    if (!canManageCommittee(principal, session.committeeId)) {
      await refuseWrite(manager, principal, 'Session', { condition: 's.id = :id', parameters: { id } });
    }
    return session;
  }

  private async changeStatus(
    principal: Principal,
    id: string,
    ifMatch: string | undefined,
    change: (session: Session, manager: EntityManager) => void | Promise<void>,
    afterSave?: (manager: EntityManager, saved: Session) => Promise<void>,
  ): Promise<Session> {
    return this.dataSource.transaction(async (manager) => {
      const session = await this.lockForWrite(manager, principal, id);
      assertIfMatch(ifMatch, session.version);
      const from = session.status;
      await change(session, manager);
      const saved = await manager.save(session);
      await afterSave?.(manager, saved);
      await this.notices.statusChanged(manager, saved, from);
      // An occurrence's status shows in its series' own VEVENT too (an EXDATE comes or goes),
      // so the series' SEQUENCE goes up with it.
      if (saved.seriesId) {
        await bumpSeriesSequence(manager, saved.seriesId);
      }
      await touchCommittee(manager, saved.committeeId);
      return saved;
    });
  }
}

/** A reschedule keeps what it does not mention: the duration when only start moves, the instants when only the zone changes. */
function rescheduledTimes(session: Session, input: UpdateSessionDto): Partial<Session> {
  const touchesTimes =
    input.start !== undefined ||
    input.end !== undefined ||
    input.durationMinutes !== undefined ||
    input.timeZone !== undefined;
  if (!touchesTimes) return {};
  const timeZone = input.timeZone ?? session.timeZone;
  const currentMinutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / MINUTE_MS);
  const start = input.start ?? localIso(session.startsAt, timeZone);
  const end = input.end;
  const durationMinutes = input.durationMinutes ?? (end === undefined ? currentMinutes : undefined);
  const times = resolveTimes({ start, end, durationMinutes, timeZone });
  return { timeZone, startsAt: times.startsAt, endsAt: times.endsAt };
}

function resolveTimes(input: { start: string; end?: string; durationMinutes?: number; timeZone: string }) {
  const times = resolveSessionTimes(input);
  if ('problems' in times)
    throw new UnprocessableError(times.problems, times.problems.map((p) => p.message).join('; '));
  return times;
}

function parseBoundary(value: string, path: string): Date {
  const instant = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(instant.getTime())) throw invalid(path, 'is not a real date');
  return instant;
}
