import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { PageQuery } from '../../common/pagination/pagination.js';
import { HH_MM, LONGEST_SESSION_MINUTES } from '../../common/limits.js';
import { CreateSessionDto, OnlineMeetingDto } from '../../sessions/dto/session-input.dto.js';
import { SessionDto, WarningDto } from '../../sessions/dto/session-output.dto.js';
import { IsCalendarDate } from '../../common/validation/is-date.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { REPLACE_SKIPPED, type ReplaceSkipped } from '../recurrence/replace-skipped.js';

export class CreateSeriesDto extends OmitType(CreateSessionDto, [
  'start',
  'end',
  'durationMinutes',
] as const) {
  @ApiProperty({ example: '2027-01-12', description: 'Local date the rule counts from (its DTSTART date)' })
  @IsCalendarDate({ message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;

  @ApiProperty({
    example: '10:00',
    description: 'Local wall-clock start in timeZone, kept across DST changes',
  })
  @Matches(HH_MM, { message: 'startTime must be a time HH:mm' })
  startTime: string;

  @ApiProperty({ example: 90 })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1)
  @Max(LONGEST_SESSION_MINUTES)
  durationMinutes: number;

  @ApiProperty({
    example: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=12',
    description:
      'RFC 5545 RRULE: FREQ DAILY/WEEKLY/MONTHLY, INTERVAL, BYDAY (2TU, -1WE), BYMONTHDAY, COUNT or UNTIL',
  })
  @IsString()
  @MaxLength(500)
  rrule: string;

  @ApiPropertyOptional({ description: 'Leave out dates that are a weekend or public holiday for any party' })
  @IsOmittable()
  @IsBoolean()
  skipNonWorkingDays?: boolean;

  @ApiPropertyOptional({
    enum: REPLACE_SKIPPED,
    default: 'none',
    description:
      'With skipNonWorkingDays: hold each skipped meeting on the next day every party works (so COUNT meetings are kept), or not at all',
  })
  @IsOmittable()
  @IsIn(REPLACE_SKIPPED, { message: `replaceSkipped must be one of ${REPLACE_SKIPPED.join(', ')}` })
  replaceSkipped?: ReplaceSkipped;

  @ApiPropertyOptional({ description: 'Create the occurrences scheduled (published) rather than as drafts' })
  @IsOmittable()
  @IsBoolean()
  publish?: boolean;
}

export class UpdateSeriesDto extends PartialType(
  OmitType(CreateSeriesDto, ['committeeId', 'startDate', 'timeZone', 'publish'] as const),
  { skipNullProperties: false },
) {
  @ApiPropertyOptional({
    example: '2027-03-01',
    description:
      'Change occurrences on or after this local date; earlier ones keep their values (default: all)',
  })
  @IsOmittable()
  @IsCalendarDate({ message: 'from must be a date YYYY-MM-DD' })
  from?: string;
}

export class EndSeriesDto {
  @ApiProperty({
    example: '2027-06-30',
    description: 'The last local date with an occurrence; later ones are removed',
  })
  @IsCalendarDate({ message: 'lastDate must be a date YYYY-MM-DD' })
  lastDate: string;
}

export class SeriesListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;
}

export class SkippedOccurrenceDto {
  @ApiProperty({ example: '2027-03-21T10:00' }) recurrenceId: string;
  @ApiProperty({ example: 'IR' }) partyCode: string;
  @ApiProperty({ enum: ['weekend', 'holiday', 'extra_non_working_day'] }) reason: string;
  @ApiPropertyOptional({ example: 'نوروز' }) name?: string;
}

export class ReplacementDto {
  @ApiProperty({
    example: '2027-03-22T10:00',
    description: 'The skipped date’s recurrence id, kept by its replacement',
  })
  recurrenceId: string;
  @ApiProperty({ example: '2027-03-29T10:00', description: 'Local start of the meeting held instead' })
  replacedBy: string;
  @ApiProperty({ example: '2027-03-29T07:00:00Z' }) startsAt: string;
}

export class ShiftedOccurrenceDto {
  @ApiProperty({ example: '2027-03-28T02:30' }) recurrenceId: string;
  @ApiProperty({ example: 60 }) shiftedMinutes: number;
  @ApiProperty({ example: '02:30 does not exist on 2027-03-28 in Europe/Berlin; moved to 03:30' })
  note: string;
}

export class SeriesDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) workingGroupId: string | null;
  @ApiProperty({ example: { en: 'Industry working group call' } }) title: LocalizedText;
  @ApiProperty({ nullable: true, example: null }) description: LocalizedText | null;
  @ApiProperty({ example: 'working_group' }) kind: string;
  @ApiProperty({ example: 'online' }) format: string;
  @ApiProperty({ example: 'Europe/Moscow' }) timeZone: string;
  @ApiProperty({ example: '2027-01-12' }) startDate: string;
  @ApiProperty({ example: '10:00' }) startTime: string;
  @ApiProperty({ example: 90 }) durationMinutes: number;
  @ApiProperty({ example: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=12' }) rrule: string;
  @ApiProperty() skipNonWorkingDays: boolean;
  @ApiProperty({ enum: REPLACE_SKIPPED }) replaceSkipped: string;
  @ApiProperty({ nullable: true, example: null }) location: LocalizedText | null;
  @ApiProperty({ type: OnlineMeetingDto, nullable: true }) onlineMeeting: OnlineMeetingDto | null;
  @ApiProperty({ nullable: true, type: 'integer' }) capacity: number | null;
  @ApiProperty({ example: 0, description: 'Goes up when the rule or times change' }) sequence: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: [SessionDto] }) occurrences: SessionDto[];
  @ApiPropertyOptional({ type: [SkippedOccurrenceDto], description: 'Dates left out as non-working' })
  skipped?: SkippedOccurrenceDto[];
  @ApiPropertyOptional({ type: [ReplacementDto], description: 'Skipped dates held on another day instead' })
  replacements?: ReplacementDto[];
  @ApiPropertyOptional({ type: [ShiftedOccurrenceDto], description: 'Wall times moved out of a DST gap' })
  shifted?: ShiftedOccurrenceDto[];
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'When an edit from a date split the series: the new one',
  })
  continuedBy?: string;
  @ApiPropertyOptional({ type: [WarningDto] }) warnings?: WarningDto[];
}

export class SeriesSummaryDto extends OmitType(SeriesDto, [
  'occurrences',
  'skipped',
  'replacements',
  'shifted',
  'continuedBy',
  'warnings',
] as const) {}

export class SeriesPageDto {
  @ApiProperty({ type: [SeriesSummaryDto] }) items: SeriesSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
