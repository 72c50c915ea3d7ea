import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import {
  CreatedAtColumn,
  IdColumn,
  LocalizedColumn,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';
import { Session } from '../sessions/session.entity.js';

export const AGENDA_ITEM_KINDS = [
  'opening',
  'presentation',
  'discussion',
  'decision',
  'break',
  'closing',
  'other',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export interface AgendaLink {
  title: LocalizedText;
  url: string;
}

@Entity('agenda_items')
@Index('ix_agenda_items_session', ['sessionId', 'parentId', 'position'])
export class AgendaItem {
  @IdColumn() id: string;
  @UuidColumn('session_id') sessionId: string;
  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Session;
  @UuidColumn('parent_id', true) parentId: string | null;
  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: AgendaItem;
  @Column({ name: 'position', type: 'integer' }) position: number;
  @LocalizedColumn('title') title: LocalizedText;
  @LocalizedColumn('description', true) description: LocalizedText | null;
  @TextColumn('kind') kind: AgendaItemKind;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes: number;
  @Column({ name: 'presenter_ids', type: 'uuid', array: true, default: () => "'{}'" }) presenterIds: string[];
  @Column({ name: 'links', type: 'jsonb', default: () => "'[]'" }) links: AgendaLink[];
  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}
