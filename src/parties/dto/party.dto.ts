import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { resolvedLanguage, resolveText, type LocalizedText } from '../../common/i18n/localized-text.js';
import { IsLocalizedText, NAME_MAX } from '../../common/i18n/localized-text.validation.js';
import { IsTimeZone } from '../../common/validation/is-time-zone.js';
import { HH_MM } from '../../common/limits.js';
import { LOCAL_DATE, LOCALE, LOCALE_MESSAGE } from '../../common/validation/patterns.js';
import type { Party } from '../party.entity.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsNestedObject } from '../../common/validation/is-nested-object.js';

export class WorkingHoursDto {
  @ApiProperty({ example: '09:00', pattern: HH_MM.source })
  @Matches(HH_MM, { message: 'start must be a time HH:mm' })
  start: string;

  @ApiProperty({ example: '17:00', pattern: HH_MM.source })
  @Matches(HH_MM, { message: 'end must be a time HH:mm' })
  end: string;
}

export class CreatePartyDto {
  @ApiProperty({ example: 'IR', description: 'ISO 3166-1 alpha-2 country code' })
  @IsISO31661Alpha2({ message: 'code must be an ISO 3166-1 alpha-2 country code such as IR or RU' })
  code: string;

  @IsLocalizedText({
    maxLength: NAME_MAX,
    example: { en: 'Islamic Republic of Iran', fa: 'جمهوری اسلامی ایران' },
  })
  name: string | LocalizedText;

  @ApiProperty({ example: 'Asia/Tehran' })
  @IsTimeZone()
  timeZone: string;

  @ApiPropertyOptional({
    example: 'fa',
    description: "Default: the country's main language, else the committee's",
  })
  @IsOmittable()
  @Matches(LOCALE, { message: `locale ${LOCALE_MESSAGE}` })
  locale?: string;

  @ApiPropertyOptional({
    example: [6, 7, 1, 2, 3],
    description: 'ISO weekdays (1 = Monday); default by country',
    type: 'array',
    items: { type: 'integer', minimum: 1, maximum: 7 },
  })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique({ message: 'workWeek must not repeat a weekday' })
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workWeek?: number[];

  @ApiPropertyOptional({ type: WorkingHoursDto, example: { start: '09:00', end: '17:00' } })
  @IsOmittable()
  @IsNestedObject(() => WorkingHoursDto)
  workingHours?: WorkingHoursDto;

  @ApiPropertyOptional({
    example: 'IR',
    type: String,
    nullable: true,
    description: 'Public holidays of this country; default: code',
  })
  @IsOptional()
  @IsISO31661Alpha2({ message: 'holidayCountry must be an ISO 3166-1 alpha-2 country code' })
  holidayCountry?: string | null;

  @ApiPropertyOptional({ example: ['2026-06-12'], description: 'Local dates the party does not work' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @Matches(LOCAL_DATE, { each: true, message: 'extraNonWorkingDays must hold dates YYYY-MM-DD' })
  extraNonWorkingDays?: string[];

  @ApiPropertyOptional({ example: ['2026-12-27'], description: 'Weekend dates declared working days' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @Matches(LOCAL_DATE, { each: true, message: 'extraWorkingDays must hold dates YYYY-MM-DD' })
  extraWorkingDays?: string[];
}

export class UpdatePartyDto extends PartialType(CreatePartyDto, { skipNullProperties: false }) {}

export class PartyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ example: 'IR' }) code: string;
  @ApiProperty({ example: { en: 'Islamic Republic of Iran' } }) name: LocalizedText;
  @ApiProperty({ example: 'Asia/Tehran' }) timeZone: string;
  @ApiProperty({ example: 'fa' }) locale: string;
  @ApiProperty({
    example: [6, 7, 1, 2, 3],
    type: 'array',
    items: { type: 'integer', minimum: 1, maximum: 7 },
  })
  workWeek: number[];
  @ApiProperty({ type: WorkingHoursDto }) workingHours: WorkingHoursDto;
  @ApiProperty({ example: 'IR', nullable: true, type: String }) holidayCountry: string | null;
  @ApiProperty({ example: [] }) extraNonWorkingDays: string[];
  @ApiProperty({ example: [] }) extraWorkingDays: string[];
  @ApiPropertyOptional({ example: { lang: 'fa', name: 'جمهوری اسلامی ایران' } })
  resolved?: { lang: string; name: string | null };
}

export class PartyPageDto {
  @ApiProperty({ type: [PartyDto] }) items: PartyDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toPartyDto(party: Party, lang?: string): PartyDto {
  return {
    id: party.id,
    committeeId: party.committeeId,
    code: party.code,
    name: party.name,
    timeZone: party.timeZone,
    locale: party.locale,
    workWeek: party.workWeek,
    workingHours: party.workingHours,
    holidayCountry: party.holidayCountry,
    extraNonWorkingDays: party.extraNonWorkingDays,
    extraWorkingDays: party.extraWorkingDays,
    ...(lang
      ? { resolved: { lang: resolvedLanguage(lang, party.name), name: resolveText(party.name, lang) } }
      : {}),
  };
}
