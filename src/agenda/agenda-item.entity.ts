import { Column, Entity, Index } from 'typeorm';
import { LocalizedColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
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
export class AgendaItem extends Stamped {
  @UuidColumn('session_id') sessionId: string;
  @References(() => Session, 'session_id', 'CASCADE')
  session?: Session;
  @UuidColumn('parent_id', true) parentId: string | null;
  @References(() => AgendaItem, 'parent_id', 'CASCADE')
  parent?: AgendaItem;
  @Column({ name: 'position', type: 'integer' }) position: number;
  @LocalizedColumn('title') title: LocalizedText;
  @LocalizedColumn('description', true) description: LocalizedText | null;
  @TextColumn('kind') kind: AgendaItemKind;
  @Column({ name: 'duration_minutes', type: 'integer' }) durationMinutes: number;
  @Column({ name: 'presenter_ids', type: 'uuid', array: true, default: () => "'{}'" }) presenterIds: string[];
  @Column({ name: 'links', type: 'jsonb', default: () => "'[]'" }) links: AgendaLink[];
}
