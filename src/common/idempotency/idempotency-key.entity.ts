import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TextColumn } from '../database-columns.js';

/** A POST's first answer, kept so that a retry with the same key gets the same answer on any instance. */
@Entity('idempotency_keys')
@Index('ix_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @PrimaryColumn({ name: 'principal', type: 'text' }) principal: string;
  @PrimaryColumn({ name: 'key', type: 'text' }) key: string;
  @TextColumn('request_hash') requestHash: string;
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode: number | null;
  @Column({ name: 'response_body', type: 'jsonb', nullable: true }) responseBody: unknown;
  @CreatedAtColumn() createdAt: Date;
}
