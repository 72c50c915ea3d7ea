import { Entity, Index } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { LocalizedColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';

export const WORKING_GROUP_STATUSES = ['active', 'archived'] as const;
export type WorkingGroupStatus = (typeof WORKING_GROUP_STATUSES)[number];

@Entity('working_groups')
@Index('uq_working_groups_committee_slug', ['committeeId', 'slug'], { unique: true })
@Index('ix_working_groups_committee_created', ['committeeId', 'createdAt', 'id'])
export class WorkingGroup extends Stamped {
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'CASCADE')
  committee?: Committee;
  @TextColumn('slug') slug: string;
  @LocalizedColumn('name') name: LocalizedText;
  @LocalizedColumn('description', true) description: LocalizedText | null;
  @TextColumn('status') status: WorkingGroupStatus;
}
