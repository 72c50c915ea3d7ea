import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
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
import { AGENDA_ITEM_KINDS, type AgendaItem, type AgendaItemKind } from '../agenda-item.entity.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNestedObjects } from '../../common/validation/is-nested-object.js';

export class AgendaLinkDto {
  @IsLocalizedText({ maxLength: NAME_MAX, example: { en: 'Draft protocol', ru: 'Проект протокола' } })
  title: string | LocalizedText;

  @ApiProperty({ example: 'https://docs.example.org/protocol-draft.pdf' })
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url: string;
}

export class CreateAgendaItemDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'A top-level item of the same session',
  })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;

  @IsLocalizedText({
    maxLength: TITLE_MAX,
    example: { en: 'Opening remarks', fa: 'سخنان افتتاحیه', ru: 'Вступительное слово' },
  })
  title: string | LocalizedText;

  @IsLocalizedText({ maxLength: DESCRIPTION_MAX, optional: true, example: null })
  description?: string | LocalizedText | null;

  @ApiProperty({ enum: AGENDA_ITEM_KINDS, example: 'opening' })
  @IsIn(AGENDA_ITEM_KINDS)
  kind: AgendaItemKind;

  @ApiProperty({ example: 15, minimum: 0, maximum: 1440 })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(0)
  @Max(1440)
  durationMinutes: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Participants of the committee' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'presenterIds must hold UUIDs' })
  presenterIds?: string[];

  @ApiPropertyOptional({ type: [AgendaLinkDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsNestedObjects(() => AgendaLinkDto)
  links?: AgendaLinkDto[];
}

export class UpdateAgendaItemDto extends PartialType(CreateAgendaItemDto, { skipNullProperties: false }) {}

export class AgendaOrderEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string | null;
}

export class AgendaOrderDto {
  @ApiProperty({ type: [AgendaOrderEntryDto], description: 'Every item of the session, in display order' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsNestedObjects(() => AgendaOrderEntryDto)
  items: AgendaOrderEntryDto[];
}

export class AgendaItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty({ example: { en: 'Opening remarks' } }) title: LocalizedText;
  @ApiProperty({ nullable: true, example: null }) description: LocalizedText | null;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) kind: AgendaItemKind;
  @ApiProperty({ example: 15 }) durationMinutes: number;
  @ApiProperty({ type: [String], format: 'uuid' }) presenterIds: string[];
  @ApiProperty({ type: [AgendaLinkDto] }) links: Array<{ title: LocalizedText; url: string }>;
}

export class AgendaItemListDto {
  @ApiProperty({ type: [AgendaItemDto] }) items: AgendaItemDto[];
}

export function toAgendaItemDto(item: AgendaItem): AgendaItemDto {
  return {
    id: item.id,
    sessionId: item.sessionId,
    parentId: item.parentId,
    position: item.position,
    title: item.title,
    description: item.description,
    kind: item.kind,
    durationMinutes: item.durationMinutes,
    presenterIds: item.presenterIds,
    links: item.links,
  };
}
