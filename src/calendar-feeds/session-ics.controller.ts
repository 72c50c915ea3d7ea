import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.js';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { RequestLanguage } from '../common/i18n/request-language.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { renderCalendar } from './ics/ics-writer.js';
import { Series } from '../series/series.entity.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { occurrenceToEvent } from './series-events.js';
import { sessionToEvent, type FeedAgendaItem } from './session-event.js';
import { readerZonesFirst } from './zone-labels.js';

/** One session as an `.ics` file, with the same UID and VEVENT as in every feed. */
@ApiTags('Calendar feeds')
@ApiBearerAuth()
@Controller('sessions')
export class SessionIcsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The session as an iCalendar file' })
  @ApiOperation({
    summary: 'Download one session as an .ics file',
    description: 'A delegate sees only what its participant may see; anything else is 404.',
  })
  @ApiProblems(400, 401, 404)
  async ics(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @RequestLanguage() lang: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const session = await this.sessions.get(principal, id);
    const [parties, committee] = await Promise.all([
      this.dataSource.query<Array<{ timeZone: string; locale: string; partyId: string; readsIt: boolean }>>(
        `SELECT time_zone AS "timeZone", locale, id AS "partyId",
                id = (SELECT party_id FROM participants WHERE id = $2) AS "readsIt"
           FROM parties WHERE committee_id = $1 ORDER BY created_at, id`,
        [session.committeeId, principal.participantId],
      ),
      this.dataSource.query<Array<{ default_locale: string }>>(
        'SELECT default_locale FROM committees WHERE id = $1',
        [session.committeeId],
      ),
    ]);
    const agenda = await this.dataSource.query<FeedAgendaItem[]>(
      `SELECT id, parent_id AS "parentId", position, duration_minutes AS "durationMinutes", title
         FROM agenda_items WHERE session_id = $1`,
      [id],
    );
    const [series, group] = await Promise.all([
      session.seriesId ? this.dataSource.getRepository(Series).findOneBy({ id: session.seriesId }) : null,
      session.workingGroupId
        ? this.dataSource.query<Array<{ name: LocalizedText }>>(
            'SELECT name FROM working_groups WHERE id = $1',
            [session.workingGroupId],
          )
        : [],
    ]);
    // A delegate's own locale when it asks for none (RequestLanguage), else the committee's.
    const locale = lang ?? committee[0].default_locale;
    const context = {
      locale,
      zones: readerZonesFirst(parties, locale, parties.find((party) => party.readsIt)?.partyId ?? null),
      publicBaseUrl: this.config.publicBaseUrl,
      workingGroupNames: new Map(
        session.workingGroupId && group[0] ? [[session.workingGroupId, group[0].name] as const] : [],
      ),
    };
    const event = series
      ? occurrenceToEvent(series, session, agenda, context)
      : sessionToEvent(session, agenda, context);
    // The time zone block covers the original start an occurrence's RECURRENCE-ID names too.
    const original = event.recurrenceId ?? session.startsAt;
    const body = renderCalendar({
      prodId: '-//Quorum//Joint committee scheduler//EN',
      name: 'Quorum',
      timeZone: session.timeZone,
      span: {
        from: new Date(Math.min(session.startsAt.getTime(), original.getTime())),
        to: new Date(Math.max(session.endsAt.getTime(), original.getTime())),
      },
      events: [event],
    });
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="session-${session.id}.ics"`)
      .send(body);
  }
}
