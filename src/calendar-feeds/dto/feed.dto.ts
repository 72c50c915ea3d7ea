import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../../common/pagination/pagination.js';
import { LOCALE, LOCALE_MESSAGE } from '../../common/validation/patterns.js';
import { FEED_SCOPES, type CalendarFeed, type FeedScope } from '../calendar-feed.entity.js';

export class CreateFeedDto {
  @ApiProperty({ enum: FEED_SCOPES, example: 'participant' })
  @IsIn(FEED_SCOPES)
  scope: FeedScope;

  @ApiProperty({
    format: 'uuid',
    description: 'The participant, working group or committee the feed follows',
  })
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId: string;

  @ApiProperty({ example: 'My JEC sessions', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  label: string;

  @ApiPropertyOptional({
    example: 'fa',
    description: "Default: the participant's locale, else the committee's",
  })
  @IsOptional()
  @Matches(LOCALE, { message: `locale ${LOCALE_MESSAGE}` })
  locale?: string;
}

export class FeedListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;
}

export class FeedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FEED_SCOPES }) scope: FeedScope;
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) participantId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) workingGroupId: string | null;
  @ApiProperty({ example: 'My JEC sessions' }) label: string;
  @ApiProperty({ example: 'fa' }) locale: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastFetchedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedFeedDto extends FeedDto {
  @ApiProperty({ description: 'The secret in the URLs; shown only in this answer', example: 'cal_Zx3…' })
  token: string;
  @ApiProperty({
    example: 'https://quorum.example.org/calendar/cal_Zx3….ics',
    description: 'The feed over HTTP(S), as PUBLIC_BASE_URL says',
  })
  url: string;
  @ApiProperty({ example: 'webcal://quorum.example.org/calendar/cal_Zx3….ics' }) webcalUrl: string;
  @ApiProperty({
    example: 'https://quorum.example.org/calendar/cal_Zx3….ics',
    deprecated: true,
    description: 'The same as url; kept for one release',
  })
  httpsUrl: string;
}

export class FeedPageDto {
  @ApiProperty({ type: [FeedDto] }) items: FeedDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toFeedDto(feed: CalendarFeed): FeedDto {
  return {
    id: feed.id,
    scope: feed.scope,
    committeeId: feed.committeeId,
    participantId: feed.participantId,
    workingGroupId: feed.workingGroupId,
    label: feed.label,
    locale: feed.locale,
    createdAt: feed.createdAt.toISOString(),
    lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
    revokedAt: feed.revokedAt?.toISOString() ?? null,
  };
}
