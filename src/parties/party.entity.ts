import { Column, Entity, Index } from 'typeorm';
import { Committee } from '../committees/committee.entity.js';
import { LocalizedColumn, References, Stamped, TextColumn, UuidColumn } from '../common/database-columns.js';
import type { LocalizedText } from '../common/i18n/localized-text.js';

export interface WorkingHours {
  start: string;
  end: string;
}

@Entity('parties')
@Index('uq_parties_committee_code', ['committeeId', 'code'], { unique: true })
export class Party extends Stamped {
  @UuidColumn('committee_id') committeeId: string;
  @References(() => Committee, 'committee_id', 'CASCADE')
  committee?: Committee;
  @TextColumn('code') code: string;
  @LocalizedColumn('name') name: LocalizedText;
  @TextColumn('time_zone') timeZone: string;
  @TextColumn('locale') locale: string;
  @Column({ name: 'work_week', type: 'smallint', array: true }) workWeek: number[];
  @Column({ name: 'working_hours', type: 'jsonb' }) workingHours: WorkingHours;
  @TextColumn('holiday_country', true) holidayCountry: string | null;
  @Column({ name: 'extra_non_working_days', type: 'text', array: true, default: () => "'{}'" })
  extraNonWorkingDays: string[];
  @Column({ name: 'extra_working_days', type: 'text', array: true, default: () => "'{}'" })
  extraWorkingDays: string[];
}
