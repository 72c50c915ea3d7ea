import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { DisplayTimeDto, SessionDto } from '../../sessions/dto/session-output.dto.js';
import { AGENDA_ITEM_KINDS } from '../agenda-item.entity.js';

export class PresenterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' } }) fullName: LocalizedText;
  @ApiProperty({ example: 'Олег Рязанцев', description: 'In the asked language, with fallback' }) name:
    string | null;
}

export class RenderedAgendaItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2.1' }) number: string;
  @ApiProperty({ example: 1 }) depth: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ example: { en: 'Auto industry', ru: 'Автопром' } }) title: LocalizedText;
  @ApiProperty({ nullable: true, type: String, example: 'Автопром' }) titleText: string | null;
  @ApiProperty({ nullable: true, example: null }) description: LocalizedText | null;
  @ApiProperty({ enum: AGENDA_ITEM_KINDS }) kind: string;
  @ApiProperty({ example: 20 }) durationMinutes: number;
  @ApiProperty({ example: '2026-12-01T07:15:00Z' }) plannedStart: string;
  @ApiProperty({ example: '2026-12-01T07:35:00Z' }) plannedEnd: string;
  @ApiProperty({ type: [DisplayTimeDto], description: 'Planned start and end in each zone' })
  times: DisplayTimeDto[];
  @ApiProperty({ type: [PresenterDto] }) presenters: PresenterDto[];
  @ApiProperty({ example: [] }) links: Array<{ title: LocalizedText; url: string }>;
}

export class AgendaTotalsDto {
  @ApiProperty({ example: 140 }) plannedMinutes: number;
  @ApiProperty({ example: 150 }) sessionMinutes: number;
  @ApiProperty({ example: 0, description: 'How far the items run past the session’s end' })
  overrunMinutes: number;
}

export class RenderedAgendaDto {
  @ApiProperty({ type: SessionDto }) session: SessionDto;
  @ApiProperty({ example: ['Europe/Moscow', 'Asia/Tehran'] }) zones: string[];
  @ApiPropertyOptional({ example: 'ru' }) lang?: string;
  @ApiProperty({ type: [RenderedAgendaItemDto] }) items: RenderedAgendaItemDto[];
  @ApiProperty({ type: AgendaTotalsDto }) totals: AgendaTotalsDto;
}
