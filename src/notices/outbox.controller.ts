import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { assertCanManageCommittee } from '../common/auth/access.js';
import { CurrentPrincipal, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiProblems } from '../common/http/api-problems.js';
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
  @ApiProblems(
    401,
    [403, 'A delegate'],
    [404, 'A committee the organizer does not manage'],
    [422, 'A bad filter or cursor, naming the field'],
    503,
  )
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
