import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { utcIso } from '../common/time/zoned-time.js';
import { RequestLanguage } from '../common/i18n/request-language.js';
import { InviteDto } from '../sessions/dto/invitation.dto.js';
import { WriteOptionsQuery } from '../sessions/dto/session-input.dto.js';
import { seriesFieldsOf } from '../sessions/series-fields.js';
import { SessionReadingService } from '../sessions/session-reading.service.js';
import { withWarnings } from '../sessions/dto/session-output.dto.js';
import { toSessionDto } from '../sessions/session-view.js';
import {
  CreateSeriesDto,
  EndSeriesDto,
  SeriesDto,
  SeriesListQuery,
  SeriesPageDto,
  UpdateSeriesDto,
} from './dto/series.dto.js';
import { SeriesEditsService } from './series-edits.service.js';
import { SeriesPublishingService } from './series-publishing.service.js';
import type { Series } from './series.entity.js';
import { SeriesService, type SeriesResult } from './series.service.js';
import {
  Changes,
  Creates,
  delegateView,
  ReadsIndex,
  ReadsOne,
  Removes,
  Transitions,
} from '../common/http/operations.js';

@ApiTags('Series')
@ApiBearerAuth()
@Controller('series')
export class SeriesController {
  constructor(
    private readonly series: SeriesService,
    private readonly edits: SeriesEditsService,
    private readonly publishing: SeriesPublishingService,
    private readonly reading: SessionReadingService,
  ) {}

  @Post()
  @Creates(SeriesDto, {
    summary: 'Create a recurring series',
    description:
      'A rule in the series’ zone of record with a wall-clock start; occurrences are sessions. An Idempotency-Key header makes a retry with the same body get the first answer (another body: 422).',
    outcome: 'The series with its occurrences, and the dates left out or moved',
    also: [409],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateSeriesDto,
    @RequestLanguage() lang?: string,
  ): Promise<SeriesDto> {
    return this.respond(await this.series.create(principal, body), lang);
  }

  @Get()
  @ReadsIndex(SeriesPageDto, delegateView('List series'))
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SeriesListQuery,
  ): Promise<SeriesPageDto> {
    const page = await this.series.list(principal, query);
    return { items: page.items.map(toSeriesSummary), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ReadsOne(SeriesDto, delegateView('Get a series with its occurrences'))
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @RequestLanguage() lang?: string,
  ): Promise<SeriesDto> {
    return this.respond(await this.series.get(principal, id), lang);
  }

  @Patch(':id')
  @Changes(SeriesDto, {
    summary: 'Edit a series from a date on',
    description: 'Changes the occurrences not edited on their own, from the date given.',
    outcome: 'Changes the occurrences from `from` on that were not edited on their own',
    also: [409],
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: UpdateSeriesDto,
    @Query() options: WriteOptionsQuery,
    @RequestLanguage() lang?: string,
  ): Promise<SeriesDto> {
    return this.respond(await this.edits.update(principal, id, body, options.allowConflicts), lang);
  }

  @Post(':id/publish')
  @Transitions(SeriesDto, {
    summary: 'Publish a draft series',
    description:
      'Publishes every draft occurrence in one transaction. A clash of a required participant in any occurrence gets 409 listing the clashes and publishes none, unless allowConflicts=true (then warnings).',
    outcome: 'Every draft occurrence is now scheduled',
    also: [[409, 'No draft occurrence is left, or required participants would have clashing sessions']],
  })
  async publish(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() options: WriteOptionsQuery,
    @RequestLanguage() lang?: string,
  ): Promise<SeriesDto> {
    return this.respond(await this.publishing.publish(principal, id, options.allowConflicts), lang);
  }

  @Post(':id/end')
  @Changes(SeriesDto, {
    summary: 'End a series on a date',
    description: 'Occurrences after the date are removed.',
    outcome: 'Ends the series early; its past stays',
    also: [409],
  })
  async end(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: EndSeriesDto,
    @RequestLanguage() lang?: string,
  ): Promise<SeriesDto> {
    return this.respond(await this.series.end(principal, id, body.lastDate), lang);
  }

  @Post(':id/participants')
  @Creates(SeriesDto, {
    summary: 'Invite participants to every occurrence',
    outcome: 'Invites to every occurrence, and to those added later',
    also: [400, 409],
  })
  async invite(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: InviteDto,
    @Query() options: WriteOptionsQuery,
    @RequestLanguage() lang?: string,
  ): Promise<SeriesDto> {
    return this.respond(await this.series.invite(principal, id, body, options.allowConflicts), lang);
  }

  @Delete(':id/participants/:participantId')
  @Removes({
    summary: 'Withdraw a participant from every occurrence',
    outcome: 'Removes the series invitation and the invitation to each occurrence not yet held',
  })
  async uninvite(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('participantId') participantId: string,
  ): Promise<void> {
    await this.series.uninvite(principal, id, participantId);
  }

  private async respond(result: SeriesResult, lang: string | undefined): Promise<SeriesDto> {
    const optionsFor = await this.reading.optionsFor([result.series.committeeId], {}, lang);
    const answer = {
      ...toSeriesSummary(result.series),
      occurrences: result.occurrences.map((session) =>
        toSessionDto(session, optionsFor(session.committeeId)),
      ),
      ...(result.plan && {
        skipped: result.plan.skipped,
        replacements: result.plan.replacements.map((replacement) => ({
          ...replacement,
          startsAt: utcIso(replacement.startsAt),
        })),
        shifted: result.plan.shifted,
      }),
      ...(result.continuedBy && { continuedBy: result.continuedBy }),
    };
    return withWarnings(answer, result.warnings);
  }
}

function toSeriesSummary(series: Series) {
  return {
    id: series.id,
    committeeId: series.committeeId,
    ...seriesFieldsOf(series),
    timeZone: series.timeZone,
    startDate: series.startDate,
    startTime: series.startTime,
    durationMinutes: series.durationMinutes,
    rrule: series.rule,
    skipNonWorkingDays: series.skipNonWorkingDays,
    replaceSkipped: series.replaceSkipped,
    sequence: series.sequence,
    createdAt: series.createdAt.toISOString(),
    updatedAt: series.updatedAt.toISOString(),
  };
}
