import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { resolvedLanguage, resolveText, type LocalizedText } from '../../common/i18n/localized-text.js';
import { IsLocalizedText, NAME_MAX } from '../../common/i18n/localized-text.validation.js';
import { PagedLangQuery } from '../../common/i18n/lang-query.js';
import { IsTimeZone } from '../../common/validation/is-time-zone.js';
import { LOCALE, LOCALE_MESSAGE } from '../../common/validation/patterns.js';
import { DELEGATION_ROLES, type DelegationRole, type Participant } from '../participant.entity.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';

export class CreateParticipantDto {
  @IsLocalizedText({
    maxLength: NAME_MAX,
    example: { en: 'Hamid Zadboum', fa: 'حمید زادبوم', ru: 'Хамид Задбум' },
  })
  fullName: string | LocalizedText;

  @ApiProperty({ example: 'h.zadboum@mimt.gov.ir' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ format: 'uuid', description: 'A party of the same committee' })
  @IsUUID('all', { message: 'partyId must be a UUID' })
  partyId: string;

  @IsLocalizedText({
    maxLength: NAME_MAX,
    optional: true,
    example: { en: 'Ministry of Industry, Mine and Trade' },
  })
  organization?: string | LocalizedText | null;

  @IsLocalizedText({ maxLength: NAME_MAX, optional: true, example: { en: 'Deputy Minister' } })
  position?: string | LocalizedText | null;

  @ApiPropertyOptional({ enum: DELEGATION_ROLES, default: 'member' })
  @IsOmittable()
  @IsIn(DELEGATION_ROLES)
  delegationRole?: DelegationRole;

  @ApiPropertyOptional({ example: 'Asia/Tehran', description: "Default: the party's" })
  @IsOmittable()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: 'fa', description: "Default: the party's" })
  @IsOmittable()
  @Matches(LOCALE, { message: `locale ${LOCALE_MESSAGE}` })
  locale?: string;
}

export class UpdateParticipantDto extends PartialType(CreateParticipantDto, { skipNullProperties: false }) {}

export class ParticipantListQuery extends PagedLangQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  partyId?: string;

  @ApiPropertyOptional({ enum: DELEGATION_ROLES })
  @IsOptional()
  @IsIn(DELEGATION_ROLES)
  delegationRole?: DelegationRole;

  @ApiPropertyOptional({ example: 'زادبوم', description: 'Matches a name in any script, or the e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ format: 'uuid' }) partyId: string;
  @ApiProperty({ example: { en: 'Hamid Zadboum', fa: 'حمید زادبوم' } }) fullName: LocalizedText;
  @ApiProperty({
    example: 'h.zadboum@mimt.gov.ir',
    type: String,
    nullable: true,
    description: 'null for a delegate reading another party’s participant',
  })
  email: string | null;
  @ApiProperty({ nullable: true, example: null }) organization: LocalizedText | null;
  @ApiProperty({ nullable: true, example: { en: 'Deputy Minister' } }) position: LocalizedText | null;
  @ApiProperty({ enum: DELEGATION_ROLES }) delegationRole: DelegationRole;
  @ApiProperty({ example: 'Asia/Tehran' }) timeZone: string;
  @ApiProperty({ example: 'fa' }) locale: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({
    example: { lang: 'fa', fullName: 'حمید زادبوم', organization: null, position: null },
  })
  resolved?: { lang: string; fullName: string | null; organization: string | null; position: string | null };
}

export class ParticipantPageDto {
  @ApiProperty({ type: [ParticipantDto] }) items: ParticipantDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toParticipantDto(participant: Participant, lang?: string, showEmail = true): ParticipantDto {
  return {
    id: participant.id,
    committeeId: participant.committeeId,
    partyId: participant.partyId,
    fullName: participant.fullName,
    email: showEmail ? participant.email : null,
    organization: participant.organization,
    position: participant.position,
    delegationRole: participant.delegationRole,
    timeZone: participant.timeZone,
    locale: participant.locale,
    createdAt: participant.createdAt.toISOString(),
    updatedAt: participant.updatedAt.toISOString(),
    ...(lang
      ? {
          resolved: {
            lang: resolvedLanguage(lang, participant.fullName),
            fullName: resolveText(participant.fullName, lang),
            organization: resolveText(participant.organization, lang),
            position: resolveText(participant.position, lang),
          },
        }
      : {}),
  };
}
