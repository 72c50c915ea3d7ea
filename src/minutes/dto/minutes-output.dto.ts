import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import {
  ACTION_ITEM_STATUSES,
  DECISION_KINDS,
  DECISION_OUTCOMES,
  MINUTES_STATUSES,
  type ActionItemStatus,
  type DecisionKind,
  type DecisionOutcome,
  type MinutesActor,
  type MinutesStatus,
} from '../minutes-content.js';
import type { MinutesChange, MinutesRevision } from '../minutes-revision.entity.js';

export class MinutesActorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for ADMIN_TOKEN' })
  tokenId: string | null;
  @ApiProperty({ example: 'organizer' }) role: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partyId: string | null;
}

export class MinutesDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: { ru: 'Стороны договорились…' } }) text: LocalizedText;
  @ApiProperty({ enum: DECISION_KINDS }) kind: DecisionKind;
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome: DecisionOutcome;
}

export class MinutesActionItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: { ru: 'Подготовить проект соглашения' } }) title: LocalizedText;
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) ownerIds: string[];
  @ApiProperty({ nullable: true, type: String, example: '2027-03-01' }) dueDate: string | null;
  @ApiProperty({ enum: ACTION_ITEM_STATUSES, description: 'As recorded in these minutes' })
  status: ActionItemStatus;
}

export class MinutesItemDto {
  @ApiProperty({ format: 'uuid' }) agendaItemId: string;
  @ApiProperty({ example: '2.1', description: 'The agenda number when the minutes were written' })
  number: string;
  @ApiProperty({ example: { en: 'Trade' } }) title: LocalizedText;
  @ApiProperty({ nullable: true, example: null }) notes: LocalizedText | null;
  @ApiProperty({ type: [MinutesDecisionDto] }) decisions: MinutesDecisionDto[];
  @ApiProperty({ type: [MinutesActionItemDto] }) actionItems: MinutesActionItemDto[];
}

export class MinutesAttendanceDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty() present: boolean;
}

export class PartyAgreementDto {
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty({ example: '2026-12-01T15:00:00.000Z' }) agreedAt: string;
  @ApiProperty({ type: MinutesActorDto }) agreedBy: MinutesActor;
}

export class SignedCopyDto {
  @ApiProperty({ example: '9f86d081884c7d65…' }) sha256: string;
  @ApiProperty({ example: 482113 }) bytes: number;
  @ApiProperty({ example: '2026-12-02T08:00:00.000Z' }) uploadedAt: string;
}

export class MinutesDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: 1, description: 'A correction of signed minutes is the next revision' })
  revision: number;
  @ApiProperty({ enum: MINUTES_STATUSES }) status: MinutesStatus;
  @ApiProperty({ example: 3, description: 'Also the ETag; 0 before the minutes are first saved' })
  version: number;
  @ApiProperty({ description: 'false for the template answered before the first save' }) saved: boolean;
  @ApiProperty({ type: [MinutesItemDto] }) items: MinutesItemDto[];
  @ApiProperty({ type: [MinutesAttendanceDto] }) attendance: MinutesAttendanceDto[];
  @ApiProperty({ type: [PartyAgreementDto] }) agreements: PartyAgreementDto[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Parties that must agree; empty: any one suffices',
  })
  requiredPartyIds: string[];
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty({ nullable: true, type: MinutesActorDto }) signedBy: MinutesActor | null;
  @ApiProperty({ type: [Object], example: [{ partyId: '…', participantId: '…' }] })
  signatories: Array<{ partyId: string; participantId: string }>;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'SHA-256 (hex) of the signed protocol (.docx)',
    example: '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
  })
  documentSha256: string | null;
  @ApiPropertyOptional({ nullable: true, type: SignedCopyDto }) signedCopy: SignedCopyDto | null;
  @ApiProperty({ nullable: true, type: MinutesActorDto }) createdBy: MinutesActor | null;
  @ApiProperty({ nullable: true, type: String }) createdAt: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt: string | null;
}

export class MinutesChangeDto {
  @ApiProperty({ example: 2 }) version: number;
  @ApiProperty({ example: 'edited', description: 'opened, edited, agreed, signed or signed_copy_uploaded' })
  action: string;
  @ApiProperty({ type: [String], example: ['items[6f1c…].decisions'] }) paths: string[];
  @ApiProperty({ type: MinutesActorDto }) actor: MinutesActor;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'For an agreement: the party' })
  partyId: string | null;
  @ApiProperty({ example: '2026-12-01T15:00:00.000Z' }) at: string;
}

export class MinutesRevisionDto extends MinutesDto {
  @ApiProperty({ type: [MinutesChangeDto], description: 'Who changed what when, oldest first' })
  changes: MinutesChangeDto[];
}

export class MinutesRevisionSummaryDto {
  @ApiProperty({ example: 1 }) revision: number;
  @ApiProperty({ enum: MINUTES_STATUSES }) status: MinutesStatus;
  @ApiProperty({ example: 3 }) version: number;
  @ApiProperty({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class MinutesRevisionListDto {
  @ApiProperty({ type: [MinutesRevisionSummaryDto] }) items: MinutesRevisionSummaryDto[];
}

export function toMinutesDto(
  revision: MinutesRevision,
  requiredPartyIds: string[],
  saved = true,
): MinutesDto {
  return {
    sessionId: revision.sessionId,
    revision: revision.revision,
    status: revision.status,
    version: revision.version,
    saved,
    items: revision.content.items,
    attendance: revision.content.attendance,
    agreements: revision.agreements,
    requiredPartyIds,
    signedAt: revision.signedAt?.toISOString() ?? null,
    signedBy: revision.signedBy,
    signatories: revision.signatories,
    documentSha256: revision.documentSha256,
    signedCopy:
      revision.signedCopySha256 && revision.signedCopyUploadedAt
        ? {
            sha256: revision.signedCopySha256,
            bytes: revision.signedCopyBytes ?? 0,
            uploadedAt: revision.signedCopyUploadedAt.toISOString(),
          }
        : null,
    createdBy: saved ? revision.createdBy : null,
    createdAt: revision.createdAt?.toISOString() ?? null,
    updatedAt: revision.updatedAt?.toISOString() ?? null,
  };
}

export function toMinutesChangeDto(change: MinutesChange): MinutesChangeDto {
  return {
    version: change.version,
    action: change.action,
    paths: change.paths,
    actor: change.actor,
    partyId: change.partyId,
    at: change.createdAt.toISOString(),
  };
}

export function toRevisionSummaryDto(revision: MinutesRevision): MinutesRevisionSummaryDto {
  return {
    revision: revision.revision,
    status: revision.status,
    version: revision.version,
    signedAt: revision.signedAt?.toISOString() ?? null,
    createdAt: revision.createdAt.toISOString(),
    updatedAt: revision.updatedAt.toISOString(),
  };
}
