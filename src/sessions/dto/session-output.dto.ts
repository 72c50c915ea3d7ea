import { SESSION_TIMINGS, type SessionTiming } from '../session-timing.js';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { SESSION_FORMATS, SESSION_KINDS, SESSION_STATUSES } from '../session.entity.js';
import { OnlineMeetingDto } from './session-input.dto.js';

export class DisplayTimeDto {
  @ApiProperty({ example: 'Asia/Tehran' }) timeZone: string;
  @ApiProperty({ example: '2026-12-01T10:30:00+03:30' }) start: string;
  @ApiProperty({ example: '2026-12-01T13:00:00+03:30' }) end: string;
  @ApiProperty({ example: 0, description: 'Local start date minus the zone of record’s, in days' })
  dayOffset: number;
  @ApiPropertyOptional({ example: '۱۰ آذر ۱۴۰۵', description: 'With ?calendar=persian or ?lang=fa' })
  persianDate?: string;
}

export class ClashDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: { en: 'Plenary' } }) title: LocalizedText;
  @ApiProperty({ example: '2026-12-01T07:00:00Z' }) startsAt: string;
  @ApiProperty({ example: '2026-12-01T09:00:00Z' }) endsAt: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Required participants of both sessions' })
  participantIds: string[];
}

export const WARNING_CODES = ['clash', 'non_working_day', 'holiday', 'outside_working_hours'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * Something a write saved anyway: an accepted clash (with the clashing session's fields), or a
 * time outside a party's working days or hours (with the party). Writes never refuse for these.
 */
export class WarningDto extends PartialType(ClashDto) {
  @ApiProperty({ enum: WARNING_CODES }) code: WarningCode;
  @ApiProperty({ example: 'Friday is not a working day for IR' }) message: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The party concerned' }) partyId?: string;
  @ApiPropertyOptional({ example: 'IR' }) partyCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'In a series: the occurrence concerned' })
  occurrenceId?: string;
}

/** An accepted clash as a warning: assignable wherever a clash is expected. */
export type ClashWarning = ClashDto & { code: 'clash'; message: string };

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) workingGroupId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) seriesId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'Original local start in a series',
  })
  recurrenceId: string | null;
  @ApiProperty({ example: { en: 'Industry working group' } }) title: LocalizedText;
  @ApiProperty({ nullable: true, example: null }) description: LocalizedText | null;
  @ApiProperty({ enum: SESSION_KINDS }) kind: string;
  @ApiProperty({ enum: SESSION_FORMATS }) format: string;
  @ApiProperty({ enum: SESSION_STATUSES }) status: string;
  @ApiProperty({
    enum: SESSION_TIMINGS,
    description: 'Computed at the time of reading from startsAt and endsAt, whatever the status',
  })
  timing: SessionTiming;
  @ApiProperty({ example: 'Europe/Moscow' }) timeZone: string;
  @ApiProperty({ example: '2026-12-01T07:00:00Z' }) startsAt: string;
  @ApiProperty({ example: '2026-12-01T09:30:00Z' }) endsAt: string;
  @ApiProperty({ example: '2026-12-01T10:00:00+03:00' }) localStart: string;
  @ApiProperty({ example: '2026-12-01T12:30:00+03:00' }) localEnd: string;
  @ApiProperty({ example: 150 }) durationMinutes: number;
  @ApiProperty({ type: [DisplayTimeDto] }) displayTimes: DisplayTimeDto[];
  @ApiProperty({ nullable: true, example: { ru: 'Минпромторг России, Москва' } })
  location: LocalizedText | null;
  @ApiProperty({ type: OnlineMeetingDto, nullable: true }) onlineMeeting: OnlineMeetingDto | null;
  @ApiProperty({ nullable: true, type: 'integer', example: 40 }) capacity: number | null;
  @ApiProperty({ example: 0, description: 'Goes up with each change calendar apps must notice' })
  sequence: number;
  @ApiProperty({ example: 1, description: 'Goes up with each change; the ETag' }) version: number;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'string' },
    example: null,
    description: 'Why it was cancelled, by language',
  })
  cancellationReason: LocalizedText | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({
    example: { lang: 'ru', title: 'Рабочая группа', description: null, location: null },
  })
  resolved?: {
    lang: string;
    title: string | null;
    description: string | null;
    location: string | null;
    cancellationReason: string | null;
  };
  @ApiPropertyOptional({
    type: [WarningDto],
    description:
      'Saved anyway: clashes accepted with allowConflicts=true, times outside a party’s working days or hours',
  })
  warnings?: WarningDto[];
}

export class SessionPageDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** A write's answer with its warnings, which are shown only when there are some. */
export function withWarnings<T extends object, W>(
  answer: T,
  warnings: W[] | undefined,
): T & { warnings?: W[] } {
  return warnings && warnings.length > 0 ? { ...answer, warnings } : answer;
}
