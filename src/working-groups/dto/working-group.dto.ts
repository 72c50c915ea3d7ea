import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { resolvedLanguage, resolveText, type LocalizedText } from '../../common/i18n/localized-text.js';
import { DESCRIPTION_MAX, IsLocalizedText, NAME_MAX } from '../../common/i18n/localized-text.validation.js';
import { MEMBER_ROLES, type MemberRole, type WorkingGroupMember } from '../working-group-member.entity.js';
import {
  WORKING_GROUP_STATUSES,
  type WorkingGroup,
  type WorkingGroupStatus,
} from '../working-group.entity.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsSlug } from '../../common/validation/is-slug.js';

export class CreateWorkingGroupDto {
  @IsSlug('industry')
  slug: string;

  @IsLocalizedText({
    maxLength: NAME_MAX,
    example: { en: 'Industry: auto industry and shipbuilding', ru: 'Промышленность', fa: 'صنعت' },
  })
  name: string | LocalizedText;

  @IsLocalizedText({ maxLength: DESCRIPTION_MAX, optional: true, example: { en: 'Cars, parts and ships' } })
  description?: string | LocalizedText | null;
}

export class UpdateWorkingGroupDto extends PartialType(CreateWorkingGroupDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ enum: WORKING_GROUP_STATUSES })
  @IsOmittable()
  @IsIn(WORKING_GROUP_STATUSES)
  status?: WorkingGroupStatus;
}

export class WorkingGroupDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ example: 'industry' }) slug: string;
  @ApiProperty({ example: { en: 'Industry' } }) name: LocalizedText;
  @ApiProperty({ nullable: true, example: null }) description: LocalizedText | null;
  @ApiProperty({ enum: WORKING_GROUP_STATUSES }) status: WorkingGroupStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ example: { lang: 'ru', name: 'Промышленность', description: null } })
  resolved?: { lang: string; name: string | null; description: string | null };
}

export class WorkingGroupPageDto {
  @ApiProperty({ type: [WorkingGroupDto] }) items: WorkingGroupDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'participantId must be a UUID' })
  participantId: string;

  @ApiPropertyOptional({ enum: MEMBER_ROLES, default: 'member' })
  @IsOmittable()
  @IsIn(MEMBER_ROLES)
  role?: MemberRole;
}

export class ChangeMemberRoleDto {
  @ApiProperty({ enum: MEMBER_ROLES })
  @IsIn(MEMBER_ROLES)
  role: MemberRole;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) participantId: string;
  @ApiProperty({ enum: MEMBER_ROLES }) role: MemberRole;
  @ApiProperty({ example: { en: 'Oleg Ryazantsev', ru: 'Олег Рязанцев' } }) fullName: LocalizedText;
  @ApiProperty() addedAt: string;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
}

export function toWorkingGroupDto(group: WorkingGroup, lang?: string): WorkingGroupDto {
  return {
    id: group.id,
    committeeId: group.committeeId,
    slug: group.slug,
    name: group.name,
    description: group.description,
    status: group.status,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
    ...(lang
      ? {
          resolved: {
            lang: resolvedLanguage(lang, group.name),
            name: resolveText(group.name, lang),
            description: resolveText(group.description, lang),
          },
        }
      : {}),
  };
}

export function toMemberDto(
  member: WorkingGroupMember & { participant?: { fullName: LocalizedText } },
): MemberDto {
  return {
    participantId: member.participantId,
    role: member.role,
    fullName: member.participant?.fullName ?? {},
    addedAt: member.createdAt.toISOString(),
  };
}
