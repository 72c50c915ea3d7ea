import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination.js';
import { NOTICE_KINDS, NOTICE_STATUSES, type Notice } from '../notice.entity.js';

export class OutboxQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @ApiPropertyOptional({ enum: NOTICE_STATUSES })
  @IsOptional()
  @IsIn(NOTICE_STATUSES)
  status?: Notice['status'];
}

export class NoticeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ enum: ['session', 'series', 'portal_link'] }) targetType: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The session or series (the calendar UID), or the sign-in link a `sign_in` notice mails',
  })
  targetId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'A participant recipient' })
  participantId: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'A webinar registrant recipient (registrants are not participants)',
  })
  registrationId: string | null;
  @ApiProperty({ example: 'delegate@example.org' }) recipient: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind: string;
  @ApiProperty({ example: 2 }) sequence: number;
  @ApiProperty({ enum: NOTICE_STATUSES }) status: string;
  @ApiProperty({ example: '2026-12-01T07:01:00.000Z' }) dueAt: string;
  @ApiProperty({ example: 1 }) attempts: number;
  @ApiProperty({ nullable: true, type: String, example: 'connect ECONNREFUSED 10.0.0.25:587' })
  lastError: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Invitation: Plenary session' })
  subject: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The rendered RFC 5322 message, once the worker has built it',
    example: 'Content-Type: multipart/mixed; …\r\nSubject: Invitation: Plenary session\r\n…',
  })
  message: string | null;
  @ApiProperty({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ example: '2026-12-01T07:00:00.000Z' }) createdAt: string;
}

export class OutboxPageDto {
  @ApiProperty({ type: [NoticeDto] }) items: NoticeDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toNoticeDto(notice: Notice): NoticeDto {
  return {
    id: notice.id,
    committeeId: notice.committeeId,
    targetType: notice.targetType,
    targetId: notice.targetId,
    participantId: notice.participantId,
    registrationId: notice.registrationId,
    recipient: notice.recipient,
    kind: notice.kind,
    sequence: notice.sequence,
    status: notice.status,
    dueAt: notice.dueAt.toISOString(),
    attempts: notice.attempts,
    lastError: notice.lastError,
    subject: notice.subject,
    message: notice.message,
    messageId: notice.messageId,
    sentAt: notice.sentAt?.toISOString() ?? null,
    createdAt: notice.createdAt.toISOString(),
  };
}
