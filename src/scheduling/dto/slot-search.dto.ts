import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate } from '../../common/validation/is-date.js';
import { IsOmittable } from '../../common/validation/is-omittable.js';
import { IsTimeZone } from '../../common/validation/is-time-zone.js';
import { HH_MM } from '../../common/limits.js';
import { DisplayTimeDto } from '../../sessions/dto/session-output.dto.js';
import { SLOT_SEARCH_LIMITS } from '../slot-search-limits.js';

export class SlotSearchDto {
  @ApiProperty({ example: 90, minimum: 1, maximum: SLOT_SEARCH_LIMITS.longestMeetingMinutes })
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(1, { message: 'durationMinutes must be at least 1' })
  @Max(SLOT_SEARCH_LIMITS.longestMeetingMinutes, {
    message: `durationMinutes must be at most ${SLOT_SEARCH_LIMITS.longestMeetingMinutes} (one working day)`,
  })
  durationMinutes: number;

  @ApiProperty({ example: '2027-01-11', description: 'First local date (in timeZone), inclusive' })
  @IsCalendarDate({ message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({
    example: '2027-01-22',
    description: `Last local date, inclusive; at most ${SLOT_SEARCH_LIMITS.longestRangeDays} days from \`from\``,
  })
  @IsCalendarDate({ message: 'to must be a date YYYY-MM-DD' })
  to: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Participants who must be free' })
  @IsArray()
  @ArrayMinSize(1, { message: 'participantIds must name at least one participant' })
  @ArrayMaxSize(SLOT_SEARCH_LIMITS.participants)
  @ArrayUnique({ message: 'participantIds must not repeat a participant' })
  @IsUUID('all', { each: true, message: 'participantIds must be participant ids (UUIDs)' })
  participantIds: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Participants whose being free ranks a slot higher',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(SLOT_SEARCH_LIMITS.participants)
  @ArrayUnique({ message: 'optionalParticipantIds must not repeat a participant' })
  @IsUUID('all', { each: true, message: 'optionalParticipantIds must be participant ids (UUIDs)' })
  optionalParticipantIds?: string[];

  @ApiPropertyOptional({
    example: { IR: 1, RU: 1 },
    description:
      "Party code → at least this many of its listed participants free; that party's required participants then form a quorum instead of all having to be free",
  })
  @IsOmittable()
  @IsObject({ message: 'minPerParty must be an object of party codes and counts, e.g. {"IR": 1}' })
  minPerParty?: Record<string, number>;

  @ApiPropertyOptional({
    example: 'Europe/Moscow',
    description: "Zone of from/to and of the answer; default: the committee's",
  })
  @IsOmittable()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: 10, default: 10, maximum: SLOT_SEARCH_LIMITS.maxSlots })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(SLOT_SEARCH_LIMITS.maxSlots)
  limit?: number;

  @ApiPropertyOptional({ example: 30, default: 30, enum: SLOT_SEARCH_LIMITS.granularities })
  @IsOmittable()
  @IsIn(SLOT_SEARCH_LIMITS.granularities, {
    message: `granularityMinutes must be one of ${SLOT_SEARCH_LIMITS.granularities.join(', ')}`,
  })
  granularityMinutes?: number;

  @ApiPropertyOptional({
    example: '10:00',
    description: 'Preferred earliest local start in timeZone (ranks, does not exclude)',
  })
  @IsOmittable()
  @Matches(HH_MM, { message: 'earliestLocal must be a time HH:mm' })
  earliestLocal?: string;

  @ApiPropertyOptional({
    example: '16:00',
    description: 'Preferred latest local end in timeZone (ranks, does not exclude)',
  })
  @IsOmittable()
  @Matches(HH_MM, { message: 'latestLocal must be a time HH:mm' })
  latestLocal?: string;
}

export class SlotReasonDto {
  @ApiProperty({
    example: 'midday_distance',
    description:
      'free, busy, tentative_conflict, optional_not_free, midday_distance, beside_holiday, outside_preference; when there is no slot: no_common_working_day, common_hours_too_short, always_busy, quorum_not_met, no_common_free_time',
  })
  code: string;
  @ApiProperty({ example: "30 min from IR's midday (13:00 Tehran)" }) message: string;
  @ApiPropertyOptional({ example: 'IR' }) partyCode?: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid' }) participantIds?: string[];
}

export class SlotDto {
  @ApiProperty({ example: '2027-01-11T09:00:00Z' }) startsAt: string;
  @ApiProperty({ example: '2027-01-11T10:30:00Z' }) endsAt: string;
  @ApiProperty({ type: [DisplayTimeDto], description: "The answer's zone, then every party's" })
  displayTimes: DisplayTimeDto[];
  @ApiProperty({ example: 97, description: 'Higher is better; equal scores are ordered by start' })
  score: number;
  @ApiProperty({ type: [SlotReasonDto] }) reasons: SlotReasonDto[];
}

export class SlotSearchResultDto {
  @ApiProperty({ example: 'Europe/Moscow' }) timeZone: string;
  @ApiProperty({
    example: 'date-holidays 2026-09-20',
    description: 'The public-holiday data the answer rests on',
  })
  holidayDataVersion: string;
  @ApiProperty({ type: [SlotDto], description: 'Best first' }) slots: SlotDto[];
  @ApiProperty({ type: [SlotReasonDto], description: 'Why there is no slot (empty when there are slots)' })
  reasons: SlotReasonDto[];
}
