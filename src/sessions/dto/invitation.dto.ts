import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import {
  ATTENDANCES,
  INVITEE_ROLES,
  RSVPS,
  type Attendance,
  type InviteeRole,
  type Rsvp,
} from '../session-participant.entity.js';
import { ClashDto } from './session-output.dto.js';
import { IsNestedObjects } from '../../common/validation/is-nested-object.js';

export class InvitationInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'participantId must be a UUID' })
  participantId: string;

  @ApiPropertyOptional({ enum: INVITEE_ROLES, default: 'attendee' })
  @IsOptional()
  @IsIn(INVITEE_ROLES)
  role?: InviteeRole;

  @ApiPropertyOptional({ enum: ATTENDANCES, default: 'required' })
  @IsOptional()
  @IsIn(ATTENDANCES)
  attendance?: Attendance;
}

export class InviteDto {
  @ApiProperty({ type: [InvitationInputDto], description: 'Invited together, in one transaction' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsNestedObjects(() => InvitationInputDto)
  invitations: InvitationInputDto[];
}

export class ChangeInvitationDto {
  @ApiPropertyOptional({ enum: INVITEE_ROLES })
  @IsOptional()
  @IsIn(INVITEE_ROLES)
  role?: InviteeRole;

  @ApiPropertyOptional({ enum: ATTENDANCES })
  @IsOptional()
  @IsIn(ATTENDANCES)
  attendance?: Attendance;
}

export const ANSWERS = RSVPS.filter((rsvp) => rsvp !== 'needs_action');

export class RsvpDto {
  @ApiProperty({ enum: ANSWERS, example: 'accepted' })
  @IsIn(ANSWERS, { message: `rsvp must be one of ${ANSWERS.join(', ')}` })
  rsvp: Exclude<Rsvp, 'needs_action'>;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ example: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' } }) fullName: LocalizedText;
  @ApiProperty({ enum: INVITEE_ROLES }) role: InviteeRole;
  @ApiProperty({ enum: ATTENDANCES }) attendance: Attendance;
  @ApiProperty({ enum: RSVPS }) rsvp: Rsvp;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] }) items: InvitationDto[];
  @ApiPropertyOptional({ type: [ClashDto], description: 'Clashes saved anyway with allowConflicts=true' })
  warnings?: ClashDto[];
}
