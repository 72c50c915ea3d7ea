import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { touchCommittee } from '../committees/committee-version.js';
import type { Principal } from '../common/auth/principal.js';
import { ConflictError } from '../common/errors/problem.js';
import { NoticeOutbox } from '../notices/notice-outbox.service.js';
import { applySessionChanges } from '../sessions/session-changes.js';
import { checkClashes } from '../scheduling/write-warnings.js';
import { lockSeries } from './series-rules.js';
import { occurrencesOf } from './series.repository.js';
import type { SeriesResult } from './series.service.js';

@Injectable()
export class SeriesPublishingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notices: NoticeOutbox,
  ) {}

  /**
   * Publishes every draft occurrence at once, in one transaction: a clash in any of them
   * (without allowConflicts) publishes none. Occurrences already published or cancelled stay.
   * The series' invitees get one REQUEST with the RRULE.
   */
  async publish(principal: Principal, id: string, allowConflicts?: boolean): Promise<SeriesResult> {
    return this.dataSource.transaction(async (manager) => {
      const series = await lockSeries(manager, principal, id);
      const drafts = (await occurrencesOf(manager, id)).filter((session) => session.status === 'draft');
      if (drafts.length === 0) {
        throw new ConflictError('no-drafts', 'The series has no draft occurrences to publish');
      }
      for (const session of drafts) applySessionChanges(session, { status: 'scheduled' });
      await manager.save(drafts);
      const warnings = await checkClashes(
        manager,
        drafts.map((session) => session.id),
        allowConflicts,
      );
      series.sequence += 1;
      await manager.save(series);
      // Every invitee of the series gets one invitation carrying the whole rule.
      await this.notices.seriesRequested(manager, series);
      await touchCommittee(manager, series.committeeId);
      return { series, occurrences: await occurrencesOf(manager, id), warnings };
    });
  }
}
