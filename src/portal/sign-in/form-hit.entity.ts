import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Posts of a public form per key (client address or e-mail address) and minute, shared by every instance. */
@Entity('public_form_hits')
export class FormHit {
  @PrimaryColumn({ name: 'key', type: 'text' }) key: string;
  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' }) windowStart: Date;
  @Column({ name: 'hits', type: 'integer' }) hits: number;
}
