import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { LocalizedText } from '../../common/i18n/localized-text.js';
import { DESCRIPTION_MAX, IsLocalizedText } from '../../common/i18n/localized-text.validation.js';
import { PageQuery } from '../../common/pagination/pagination.js';
import { IsInstantOrDate } from '../../common/validation/is-date.js';
import type { RegistrationCounts } from '../registrations.repository.js';
import {
  APPROVAL_MODES,
  type ApprovalMode,
  type RegistrationSettings,
} from '../registration-settings.entity.js';
import { REGISTRATION_STATUSES, type Registration, type RegistrationStatus } from '../registration.entity.js';

const DOMAIN =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
export const MAX_CAPACITY = 100_000;

export class RegistrationSettingsInput {
  @ApiProperty({
    example: '2026-11-01T00:00:00Z',
    description: 'When the public form starts taking registrations',
  })
  @IsInstantOrDate({ message: 'opensAt must be an instant with an offset, e.g. 2026-11-01T00:00:00Z' })
  opensAt: string;

  @ApiProperty({ example: '2026-12-01T06:00:00Z', description: 'When the form stops taking them' })
  @IsInstantOrDate({ message: 'closesAt must be an instant with an offset, e.g. 2026-12-01T06:00:00Z' })
  closesAt: string;

  @ApiProperty({
    example: 300,
    minimum: 1,
    maximum: MAX_CAPACITY,
    description: 'Seats for confirmed registrants',
  })
  @Type(() => Number)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(MAX_CAPACITY, { message: `capacity must be at most ${MAX_CAPACITY}` })
  capacity: number;

  @ApiProperty({
    enum: APPROVAL_MODES,
    description: 'auto: a confirmed address takes a seat; manual: an organizer approves',
  })
  @IsIn(APPROVAL_MODES, { message: `approval must be one of ${APPROVAL_MODES.join(', ')}` })
  approval: ApprovalMode;

  @ApiPropertyOptional({
    type: [String],
    example: ['example.ir', 'example.ru'],
    description: 'Only addresses of these domains may register; empty or absent: any address',
  })
  @IsOptional()
  @IsArray({ message: 'allowedEmailDomains must be a list of domains' })
  @ArrayMaxSize(100, { message: 'allowedEmailDomains may list at most 100 domains' })
  @Matches(DOMAIN, { each: true, message: 'allowedEmailDomains must hold domains such as example.ir' })
  allowedEmailDomains?: string[];

  @IsLocalizedText({
    maxLength: DESCRIPTION_MAX,
    optional: true,
    example: {
      en: 'For producers and traders of dairy products',
      fa: 'برای تولیدکنندگان و بازرگانان لبنیات',
    },
  })
  introduction?: string | LocalizedText | null;
}

export class RegistrationCountsDto {
  @ApiProperty({ example: 2 }) pending: number;
  @ApiProperty({ example: 3 }) confirmed: number;
  @ApiProperty({ example: 7 }) waitlisted: number;
  @ApiProperty({ example: 0 }) rejected: number;
  @ApiProperty({ example: 1 }) cancelled: number;
}

export class RegistrationSettingsDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' }) opensAt: string;
  @ApiProperty({ example: '2026-12-01T06:00:00.000Z' }) closesAt: string;
  @ApiProperty({ example: 300 }) capacity: number;
  @ApiProperty({ enum: APPROVAL_MODES }) approval: ApprovalMode;
  @ApiProperty({ type: [String], example: [] }) allowedEmailDomains: string[];
  @ApiProperty({ nullable: true, example: { en: 'For producers and traders' } })
  introduction: LocalizedText | null;
  @ApiProperty({
    example: 'https://quorum.example.org/register/…',
    description: 'The public registration page',
  })
  publicUrl: string;
  @ApiProperty({ type: RegistrationCountsDto }) counts: RegistrationCountsDto;
}

export function toSettingsDto(
  settings: RegistrationSettings,
  counts: RegistrationCounts,
  publicBaseUrl: string,
): RegistrationSettingsDto {
  return {
    sessionId: settings.sessionId,
    opensAt: settings.opensAt.toISOString(),
    closesAt: settings.closesAt.toISOString(),
    capacity: settings.capacity,
    approval: settings.approval,
    allowedEmailDomains: settings.allowedEmailDomains,
    introduction: settings.introduction,
    publicUrl: `${publicBaseUrl}/register/${settings.sessionId}`,
    counts,
  };
}

export class RegistrationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: `status must be one of ${REGISTRATION_STATUSES.join(', ')}` })
  status?: RegistrationStatus;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({
    enum: REGISTRATION_STATUSES,
    description: 'pending: address not confirmed, or awaiting approval (see addressConfirmedAt)',
  })
  status: RegistrationStatus;
  @ApiProperty({ nullable: true, type: String, example: 'Мария Иванова', description: 'null once purged' })
  name: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'maria@example.ru' }) email: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'АО Молоко' }) organization: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'RU' }) country: string | null;
  @ApiProperty({ enum: ['fa', 'ru', 'en'] }) language: string;
  @ApiProperty({ nullable: true, type: String }) addressConfirmedAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Order of arrival; the waitlist goes by it' })
  queuePosition: number | null;
  @ApiProperty({ example: '2026-11-02T08:00:00.000Z' }) statusChangedAt: string;
  @ApiProperty({ example: '2026-11-02T08:00:00.000Z' }) createdAt: string;
}

export function toRegistrationDto(registration: Registration): RegistrationDto {
  return {
    id: registration.id,
    sessionId: registration.sessionId,
    status: registration.status,
    name: registration.fullName,
    email: registration.email,
    organization: registration.organization,
    country: registration.country,
    language: registration.language,
    addressConfirmedAt: registration.addressConfirmedAt?.toISOString() ?? null,
    queuePosition: registration.queuePosition,
    statusChangedAt: registration.statusChangedAt.toISOString(),
    createdAt: registration.createdAt.toISOString(),
  };
}

export class RegistrationPageDto {
  @ApiProperty({ type: [RegistrationDto] }) items: RegistrationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
