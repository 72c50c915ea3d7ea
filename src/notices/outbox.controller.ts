import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { assertCanManageCommittee } from '../common/auth/access.js';
import { CurrentPrincipal, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { paginate } from '../common/pagination/pagination.js';
import { OutboxPageDto, OutboxQuery, toNoticeDto } from './dto/outbox.dto.js';
import { Notice } from './notice.entity.js';

@ApiTags('Notices')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('admin', 'organizer')
  @ApiOperation({
    summary: 'Notices: sent, waiting, failed, or kept unsent when no SMTP server is configured',
    description:
      'Admins see every committee; organizers the committees they manage. Oldest first, paginated.',
  })
  @ApiOkResponse({ type: OutboxPageDto })
  @ApiUnauthorizedResponse({ description: 'No or an unknown token' })
  @ApiForbiddenResponse({ description: 'A delegate' })
  @ApiNotFoundResponse({ description: 'A committee the organizer does not manage' })
  @ApiUnprocessableEntityResponse({ description: 'A bad filter or cursor, naming the field' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: OutboxQuery): Promise<OutboxPageDto> {
    if (query.committeeId) assertCanManageCommittee(principal, query.committeeId);
    const builder = this.dataSource.getRepository(Notice).createQueryBuilder('n');
    if (principal.role === 'organizer')
      builder.where('n.committee_id = ANY(:ids)', { ids: principal.committeeIds });
    if (query.committeeId)
      builder.andWhere('n.committee_id = :committeeId', { committeeId: query.committeeId });
    if (query.status) builder.andWhere('n.status = :status', { status: query.status });
    const page = await paginate(builder, {
      sortExpression: 'n.created_at',
      idExpression: 'n.id',
      sortCast: 'timestamptz',
      page: query,
    });
    return { items: page.items.map(toNoticeDto), nextCursor: page.nextCursor };
  }
}
