import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { PageQuery } from '../../common/pagination/pagination.js';
import type { ActionItem } from '../action-item.entity.js';
import { ACTION_ITEM_STATUSES, type ActionItemStatus } from '../minutes-content.js';

export class ActionItemQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTION_ITEM_STATUSES })
  @IsOptional()
  @IsIn(ACTION_ITEM_STATUSES)
  status?: ActionItemStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'The owning party' })
  @IsOptional()
  @IsUUID('all', { message: 'partyId must be a UUID' })
  partyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A participant among the owners' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'workingGroupId must be a UUID' })
  workingGroupId?: string;

  @ApiPropertyOptional({
    description: 'true: only unfinished items past their due date (today in the committee’s default zone)',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

export class UpdateActionItemDto {
  @ApiProperty({ enum: ACTION_ITEM_STATUSES, example: 'in_progress' })
  @IsIn(ACTION_ITEM_STATUSES)
  status: ActionItemStatus;
}

export class ReviewItemDto {
  @ApiPropertyOptional({ example: 20, minimum: 0, maximum: 1440, default: 15 })
  @IsOptional()
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(0)
  @Max(1440)
  durationMinutes?: number;
}

export class ActionItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) workingGroupId: string | null;
  @ApiProperty({ format: 'uuid' }) agendaItemId: string;
  @ApiProperty({ example: { ru: 'Подготовить проект соглашения' } }) title: LocalizedText;
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) ownerIds: string[];
  @ApiProperty({ nullable: true, type: String, example: '2027-03-01' }) dueDate: string | null;
  @ApiProperty({ enum: ACTION_ITEM_STATUSES }) status: ActionItemStatus;
  @ApiProperty({ description: 'Unfinished and past its due date' }) overdue: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ActionItemPageDto {
  @ApiProperty({ type: [ActionItemDto] }) items: ActionItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ReviewItemResultDto {
  @ApiProperty({ format: 'uuid', description: 'The agenda item added' }) agendaItemId: string;
  @ApiProperty({ type: [ActionItemDto], description: 'The open action items it lists' })
  actionItems: ActionItemDto[];
}

export function toActionItemDto(item: ActionItem, today: string): ActionItemDto {
  return {
    id: item.id,
    committeeId: item.committeeId,
    sessionId: item.sessionId,
    workingGroupId: item.workingGroupId,
    agendaItemId: item.agendaItemId,
    title: item.title,
    partyId: item.partyId,
    ownerIds: item.ownerIds,
    dueDate: item.dueDate,
    status: item.status,
    overdue: isOverdue(item, today),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function isOverdue(item: Pick<ActionItem, 'dueDate' | 'status'>, today: string): boolean {
  return (
    item.dueDate !== null && item.dueDate < today && (item.status === 'open' || item.status === 'in_progress')
  );
}
