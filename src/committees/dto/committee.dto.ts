import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';
import { resolvedLanguage, resolveText, type LocalizedText } from '../../common/i18n/localized-text.js';
import { DESCRIPTION_MAX, IsLocalizedText, NAME_MAX } from '../../common/i18n/localized-text.validation.js';
import { IsTimeZone } from '../../common/validation/is-time-zone.js';
import { LOCALE, LOCALE_MESSAGE } from '../../common/validation/patterns.js';
import type { Committee } from '../committee.entity.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsSlug } from '../../common/validation/is-slug.js';

export class CreateCommitteeDto {
  @IsSlug('iran-russia-jec')
  slug: string;

  @IsLocalizedText({
    maxLength: NAME_MAX,
    example: {
      en: 'Iran–Russia Joint Economic Committee',
      fa: 'کمیسیون مشترک اقتصادی ایران و روسیه',
      ru: 'Российско-иранская межправительственная комиссия',
    },
  })
  name: string | LocalizedText;

  @IsLocalizedText({
    maxLength: DESCRIPTION_MAX,
    optional: true,
    example: { en: 'Trade, industry and customs' },
  })
  description?: string | LocalizedText | null;

  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA time zone' })
  @IsTimeZone()
  defaultTimeZone: string;

  @ApiPropertyOptional({ example: 'en', default: 'en' })
  @IsOmittable()
  @Matches(LOCALE, { message: `defaultLocale ${LOCALE_MESSAGE}` })
  defaultLocale?: string;

  @ApiPropertyOptional({
    example: 'secretariat@jec.example.org',
    nullable: true,
    description:
      'The secretariat: ORGANIZER and Reply-To of notices, where replies go (MAIL_FROM when not set)',
  })
  @ValidateIf((_object, value) => value !== undefined && value !== null)
  @IsEmail({}, { message: 'organizerEmail must be an e-mail address' })
  organizerEmail?: string | null;

  @ApiPropertyOptional({ example: 24, default: 24, minimum: 1, maximum: 336 })
  @IsOmittable()
  @IsInt({ message: 'reminderHours must be a whole number of hours' })
  @Min(1)
  @Max(336)
  reminderHours?: number;
}

export class UpdateCommitteeDto extends PartialType(CreateCommitteeDto, { skipNullProperties: false }) {}

export class CommitteeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'iran-russia-jec' }) slug: string;
  @ApiProperty({ example: { en: 'Iran–Russia Joint Economic Committee' } }) name: LocalizedText;
  @ApiProperty({ nullable: true, example: null }) description: LocalizedText | null;
  @ApiProperty({ example: 'Europe/Moscow' }) defaultTimeZone: string;
  @ApiProperty({ example: 'en' }) defaultLocale: string;
  @ApiProperty({ nullable: true, type: String, example: 'secretariat@jec.example.org' })
  organizerEmail: string | null;
  @ApiProperty({ example: 24 }) reminderHours: number;
  @ApiProperty({ example: '2026-11-28T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-11-28T09:00:00.000Z' }) updatedAt: string;
  @ApiPropertyOptional({
    description: 'Present when a language was asked for (?lang= or Accept-Language)',
    example: { lang: 'fa', name: 'کمیسیون مشترک اقتصادی ایران و روسیه', description: null },
  })
  resolved?: { lang: string; name: string | null; description: string | null };
}

export class CommitteePageDto {
  @ApiProperty({ type: [CommitteeDto] }) items: CommitteeDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toCommitteeDto(committee: Committee, lang?: string): CommitteeDto {
  return {
    id: committee.id,
    slug: committee.slug,
    name: committee.name,
    description: committee.description,
    defaultTimeZone: committee.defaultTimeZone,
    defaultLocale: committee.defaultLocale,
    organizerEmail: committee.organizerEmail,
    reminderHours: committee.reminderHours,
    createdAt: committee.createdAt.toISOString(),
    updatedAt: committee.updatedAt.toISOString(),
    ...(lang
      ? {
          resolved: {
            lang: resolvedLanguage(lang, committee.name),
            name: resolveText(committee.name, lang),
            description: resolveText(committee.description, lang),
          },
        }
      : {}),
  };
}
