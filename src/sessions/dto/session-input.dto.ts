import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import {
  DESCRIPTION_MAX,
  IsLocalizedText,
  NAME_MAX,
  TITLE_MAX,
} from '../../common/i18n/localized-text.validation.js';
import { IsTimeZone } from '../../common/validation/is-time-zone.js';
import { SESSION_FORMATS, SESSION_KINDS, type SessionFormat, type SessionKind } from '../session.entity.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNestedObject } from '../../common/validation/is-nested-object.js';
import { LONGEST_SESSION_MINUTES } from '../../common/limits.js';

export class OnlineMeetingDto {
  @ApiProperty({ example: 'https://meet.example.org/jec-industry' })
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { message: 'joinUrl must be an http(s) URL' },
  )
  @MaxLength(2000)
  joinUrl: string;

  @ApiPropertyOptional({ example: 'Jitsi' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  provider?: string;

  @ApiPropertyOptional({ example: '4471' })
  @IsOmittable()
  @IsString()
  @MaxLength(100)
  accessCode?: string;
}

export class CreateSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'committeeId must be a UUID' })
  committeeId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A working group of the same committee',
  })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a UUID' })
  workingGroupId?: string | null;

  @IsLocalizedText({
    maxLength: TITLE_MAX,
    example: { en: 'Industry working group', ru: 'Рабочая группа по промышленности', fa: 'کارگروه صنعت' },
  })
  title: string | LocalizedText;

  @IsLocalizedText({
    maxLength: DESCRIPTION_MAX,
    optional: true,
    example: { en: 'Auto industry and shipbuilding' },
  })
  description?: string | LocalizedText | null;

  @ApiProperty({ enum: SESSION_KINDS, example: 'working_group' })
  @IsIn(SESSION_KINDS)
  kind: SessionKind;

  @ApiProperty({ enum: SESSION_FORMATS, example: 'hybrid' })
  @IsIn(SESSION_FORMATS)
  format: SessionFormat;

  @ApiProperty({ example: 'Europe/Moscow', description: 'The zone of record (IANA)' })
  @IsTimeZone()
  timeZone: string;

  @ApiProperty({
    example: '2026-12-01T10:00',
    description:
      'A local wall time read in timeZone, or an instant with an offset (2026-12-01T10:00:00+03:00)',
  })
  @IsString()
  @MaxLength(40)
  start: string;

  @ApiPropertyOptional({ example: '2026-12-01T12:30', description: 'Like start; or give durationMinutes' })
  @IsOmittable()
  @IsString()
  @MaxLength(40)
  end?: string;

  @ApiPropertyOptional({ example: 150, description: 'Elapsed minutes; or give end' })
  @IsOmittable()
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1)
  @Max(LONGEST_SESSION_MINUTES)
  durationMinutes?: number;

  @IsLocalizedText({
    maxLength: NAME_MAX,
    optional: true,
    example: { en: 'Ministry of Industry and Trade, Moscow', ru: 'Минпромторг России, Москва' },
  })
  location?: string | LocalizedText | null;

  @ApiPropertyOptional({ type: OnlineMeetingDto, nullable: true })
  @IsOptional()
  @IsNestedObject(() => OnlineMeetingDto)
  onlineMeeting?: OnlineMeetingDto | null;

  @ApiPropertyOptional({
    type: 'integer',
    example: 40,
    nullable: true,
    description: 'How many participants may be invited',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;
}

/** A session's fields; its committee never changes. */
export class UpdateSessionDto extends PartialType(OmitType(CreateSessionDto, ['committeeId']), {
  skipNullProperties: false,
}) {}

export class CancelSessionDto {
  /** Why, in the readers' languages; a plain string is stored under the committee's default locale. */
  @IsLocalizedText({
    maxLength: 2000,
    example: {
      en: 'Postponed at the request of the Russian side',
      ru: 'Перенесено по просьбе российской стороны',
    },
  })
  reason: string | LocalizedText;
}

export class WriteOptionsQuery {
  @ApiPropertyOptional({ description: 'Save even when participants would have clashing sessions' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true' || value === '1')
  @IsBoolean()
  allowConflicts?: boolean;
}
