import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { PortalLink } from '../sign-in/portal-link.entity.js';

export class CreatePortalLinkDto {
  @ApiProperty({ example: 30, minimum: 1, maximum: 366, description: 'Days until the link stops working' })
  @IsInt()
  @Min(1)
  @Max(366)
  expiresInDays: number;
}

export class PortalLinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ example: '2026-12-31T09:00:00Z' }) expiresAt: string;
  @ApiProperty({ nullable: true, type: String, example: null, description: 'First sign-in with it' })
  usedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) revokedAt: string | null;
  @ApiProperty({ example: '2026-12-01T09:00:00Z' }) createdAt: string;
}

export class CreatedPortalLinkDto extends PortalLinkDto {
  @ApiProperty({
    description: 'The personal sign-in link; shown only in this answer',
    example: 'https://quorum.example.org/signin/qpl_3q2…',
  })
  url: string;
}

export class PortalLinkListDto {
  @ApiProperty({ type: [PortalLinkDto] }) items: PortalLinkDto[];
}

export function toPortalLinkDto(link: PortalLink): PortalLinkDto {
  return {
    id: link.id,
    participantId: link.participantId,
    expiresAt: link.expiresAt.toISOString(),
    usedAt: link.usedAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
    createdAt: link.createdAt.toISOString(),
  };
}
