import { Column, Entity, Index } from 'typeorm';
import {
  CreatedAtColumn,
  IdColumn,
  InstantColumn,
  References,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '../common/database-columns.js';
import { Session } from '../sessions/session.entity.js';
import type {
  MinutesActor,
  MinutesContent,
  MinutesStatus,
  PartyAgreement,
  Signatory,
} from './minutes-content.js';

/** One revision of a session's minutes; a correction of signed minutes is the next revision. */
@Entity('minutes_revisions')
@Index('uq_minutes_revisions_session_revision', ['sessionId', 'revision'], { unique: true })
export class MinutesRevision {
  @IdColumn() id: string;
  @UuidColumn('session_id') sessionId: string;
  @References(() => Session, 'session_id', 'CASCADE')
  session?: Session;
  @Column({ name: 'revision', type: 'integer' }) revision: number;
  @TextColumn('status') status: MinutesStatus;
  /** Counts every change of the session's minutes, across revisions: the ETag. */
  @Column({ name: 'version', type: 'integer' }) version: number;
  @Column({ name: 'content', type: 'jsonb' }) content: MinutesContent;
  @Column({ name: 'agreements', type: 'jsonb', default: () => "'[]'" }) agreements: PartyAgreement[];
  @Column({ name: 'created_by', type: 'jsonb' }) createdBy: MinutesActor;
  @InstantColumn('signed_at', true) signedAt: Date | null;
  @Column({ name: 'signed_by', type: 'jsonb', nullable: true }) signedBy: MinutesActor | null;
  @Column({ name: 'signatories', type: 'jsonb', default: () => "'[]'" }) signatories: Signatory[];
  /** The protocol as signed, with its SHA-256 and the languages it was written in. */
  @Column({ name: 'document', type: 'bytea', nullable: true, select: false }) document: Buffer | null;
  @TextColumn('document_sha256', true) documentSha256: string | null;
  @Column({ name: 'document_langs', type: 'text', array: true, default: () => "'{}'" })
  documentLangs: string[];
  /** The scanned signed copy (PDF). */
  @Column({ name: 'signed_copy', type: 'bytea', nullable: true, select: false }) signedCopy: Buffer | null;
  @TextColumn('signed_copy_sha256', true) signedCopySha256: string | null;
  @Column({ name: 'signed_copy_bytes', type: 'integer', nullable: true }) signedCopyBytes: number | null;
  @InstantColumn('signed_copy_uploaded_at', true) signedCopyUploadedAt: Date | null;
  @CreatedAtColumn() createdAt: Date;
  @UpdatedAtColumn() updatedAt: Date;
}

/** Who changed what when, one row per change of a revision. */
@Entity('minutes_changes')
@Index('ix_minutes_changes_revision', ['revisionId', 'version'])
export class MinutesChange {
  @IdColumn() id: string;
  @UuidColumn('revision_id') revisionId: string;
  @References(() => MinutesRevision, 'revision_id', 'CASCADE')
  minutesRevision?: MinutesRevision;
  @Column({ name: 'version', type: 'integer' }) version: number;
  /** `edited`, `agreed`, `signed`, `signed_copy_uploaded`, `opened`. */
  @TextColumn('action') action: string;
  @Column({ name: 'paths', type: 'text', array: true, default: () => "'{}'" }) paths: string[];
  @Column({ name: 'actor', type: 'jsonb' }) actor: MinutesActor;
  @Column({ name: 'party_id', type: 'uuid', nullable: true }) partyId: string | null;
  @CreatedAtColumn() createdAt: Date;
}
