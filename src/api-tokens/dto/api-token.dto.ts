import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { TOKEN_ROLES, type TokenRole } from '../../common/auth/principal.js';
import type { ApiToken } from '../api-token.entity.js';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Tehran secretariat', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: TOKEN_ROLES, example: 'organizer' })
  @IsIn(TOKEN_ROLES)
  role: TokenRole;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'For an organizer: the committees it manages',
    example: ['6f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  committeeIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'For a delegate: its participant' })
  @IsOptional()
  @IsUUID()
  participantId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'For an organizer: the party (of one of its committees) whose secretariat it is',
  })
  @IsOptional()
  @IsUUID()
  partyId?: string;
}

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Tehran secretariat' }) name: string;
  @ApiProperty({ enum: TOKEN_ROLES }) role: TokenRole;
  @ApiProperty({ type: [String], format: 'uuid' }) committeeIds: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) participantId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) partyId: string | null;
  @ApiProperty({ example: '2026-11-28T09:00:00Z' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, example: null }) revokedAt: string | null;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({ description: 'The secret; shown only in this answer', example: 'qrm_3q2+7w…' })
  token: string;
}

export class ApiTokenPageDto {
  @ApiProperty({ type: [ApiTokenDto] }) items: ApiTokenDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toApiTokenDto(token: ApiToken): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    committeeIds: token.committeeIds,
    participantId: token.participantId,
    partyId: token.partyId,
    createdAt: token.createdAt.toISOString(),
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
