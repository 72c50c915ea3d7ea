import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  ValidateNested,
} from 'class-validator';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { DESCRIPTION_MAX, IsLocalizedText, TITLE_MAX } from '../../common/i18n/localized-text.validation.js';
import { IsCalendarDate } from '../../common/validation/is-date.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import {
  ACTION_ITEM_STATUSES,
  DECISION_KINDS,
  DECISION_OUTCOMES,
  type ActionItemStatus,
  type DecisionKind,
  type DecisionOutcome,
} from '../minutes-content.js';

export class MinutesDecisionInputDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Keeps a decision’s id across edits; left out for a new one',
  })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @IsLocalizedText({
    maxLength: DESCRIPTION_MAX,
    example: { fa: 'طرفین توافق کردند…', ru: 'Стороны договорились…' },
  })
  text: string | LocalizedText;

  @ApiProperty({ enum: DECISION_KINDS, example: 'decision' })
  @IsIn(DECISION_KINDS)
  kind: DecisionKind;

  @ApiProperty({ enum: DECISION_OUTCOMES, example: 'consensus' })
  @IsIn(DECISION_OUTCOMES)
  outcome: DecisionOutcome;
}

export class MinutesActionItemInputDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Keeps an action item’s id across edits; left out for a new one',
  })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @IsLocalizedText({ maxLength: TITLE_MAX, example: { ru: 'Подготовить проект соглашения' } })
  title: string | LocalizedText;

  @ApiProperty({ format: 'uuid', description: 'The party that owns the action item' })
  @IsUUID('all', { message: 'partyId must be a UUID' })
  partyId: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Participants of the owning party' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'ownerIds must hold UUIDs' })
  ownerIds?: string[];

  @ApiPropertyOptional({ example: '2027-03-01', nullable: true, type: String })
  @IsOptional()
  @IsCalendarDate({ message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate?: string | null;

  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES, default: 'open' })
  @IsOmittable()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;
}

export class MinutesItemInputDto {
  @ApiProperty({ format: 'uuid', description: 'An agenda item of the session' })
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId: string;

  @IsLocalizedText({ maxLength: DESCRIPTION_MAX, optional: true, example: { ru: 'Обсуждение…' } })
  notes?: string | LocalizedText | null;

  @ApiPropertyOptional({ type: [MinutesDecisionInputDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MinutesDecisionInputDto)
  decisions?: MinutesDecisionInputDto[];

  @ApiPropertyOptional({ type: [MinutesActionItemInputDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MinutesActionItemInputDto)
  actionItems?: MinutesActionItemInputDto[];
}

export class MinutesAttendanceInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'participantId must be a UUID' })
  participantId: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  present: boolean;
}

export class PutMinutesDto {
  @ApiProperty({
    type: [MinutesItemInputDto],
    description: 'The record of each agenda item discussed, in agenda order',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => MinutesItemInputDto)
  items: MinutesItemInputDto[];

  @ApiPropertyOptional({
    type: [MinutesAttendanceInputDto],
    description:
      'Who was present; left out, it stays as it was (at first: the invitees, present unless declined)',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => MinutesAttendanceInputDto)
  attendance?: MinutesAttendanceInputDto[];
}

export class AgreeMinutesDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The party agreeing; required for an admin or an organizer token that names no party',
  })
  @IsOptional()
  @IsUUID('all', { message: 'partyId must be a UUID' })
  partyId?: string;
}

export class SignatoryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'partyId must be a UUID' })
  partyId: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The participant who signs for the party (usually its co-chair)',
  })
  @IsUUID('all', { message: 'participantId must be a UUID' })
  participantId: string;
}

export class SignMinutesDto {
  @ApiProperty({ type: [SignatoryDto], description: 'At least one signatory for every party' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SignatoryDto)
  signatories: SignatoryDto[];

  @ApiPropertyOptional({
    example: 'fa,ru',
    description: 'Languages of the signed protocol, in order (default: the parties’ languages)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]{2,3}(,[a-z]{2,3}){0,4}$/, { message: 'langs must be language codes separated by commas' })
  langs?: string;
}
