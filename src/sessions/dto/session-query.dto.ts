import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { LangQuery, PagedLangQuery } from '../../common/i18n/lang-query.js';
import { IsInstantOrDate } from '../../common/validation/is-date.js';
import {
  SESSION_FORMATS,
  SESSION_KINDS,
  SESSION_STATUSES,
  type SessionFormat,
  type SessionKind,
  type SessionStatus,
} from '../session.entity.js';

const CALENDARS = ['gregorian', 'persian'] as const;

/** `?calendar=persian` adds Solar Hijri dates in any language (`?lang=fa` implies it). */
function CalendarQuery(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: CALENDARS, description: 'persian adds Solar Hijri dates' }),
    IsOptional(),
    IsIn(CALENDARS, { message: 'calendar must be gregorian or persian' }),
  );
}

export class SessionReadQuery extends LangQuery {
  @ApiPropertyOptional({
    description: 'Zones to show times in (repeatable or comma-separated); default: the parties’ zones',
    example: 'Asia/Tehran,Europe/Moscow',
  })
  @IsOptional()
  tz?: string | string[];

  @CalendarQuery()
  calendar?: (typeof CALENDARS)[number];
}

export class SessionListQuery extends PagedLangQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  workingGroupId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Sessions this participant is invited to' })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({ enum: SESSION_KINDS })
  @IsOptional()
  @IsIn(SESSION_KINDS, { message: `kind must be one of ${SESSION_KINDS.join(', ')}` })
  kind?: SessionKind;

  @ApiPropertyOptional({ enum: SESSION_FORMATS })
  @IsOptional()
  @IsIn(SESSION_FORMATS, { message: `format must be one of ${SESSION_FORMATS.join(', ')}` })
  format?: SessionFormat;

  @ApiPropertyOptional({ enum: SESSION_STATUSES })
  @IsOptional()
  @IsIn(SESSION_STATUSES)
  status?: SessionStatus;

  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00Z',
    description: 'Sessions ending after this instant (or date, UTC)',
  })
  @IsOptional()
  @IsInstantOrDate({
    message: 'from must be an instant with an offset (2026-12-01T00:00:00Z) or a date',
  })
  from?: string;

  @ApiPropertyOptional({
    example: '2027-01-01T00:00:00Z',
    description: 'Sessions starting before this instant',
  })
  @IsOptional()
  @IsInstantOrDate({
    message: 'to must be an instant with an offset (2027-01-01T00:00:00Z) or a date',
  })
  to?: string;

  @ApiPropertyOptional({
    description: 'Zones to show times in; default: the parties’ zones',
    example: 'Asia/Tehran',
  })
  @IsOptional()
  tz?: string | string[];

  @CalendarQuery()
  calendar?: (typeof CALENDARS)[number];
}
