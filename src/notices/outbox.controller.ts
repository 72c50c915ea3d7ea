import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertCanManageCommittee } from '../common/auth/access.js';
import { CurrentPrincipal, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiProblems } from '../common/http/api-problems.js';
import { OutboxPageDto, OutboxQuery, toNoticeDto } from './dto/outbox.dto.js';
import { NoticesRepository } from './notices.repository.js';

@ApiTags('Notices')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly notices: NoticesRepository) {}

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
    const page = await this.notices.outboxPage(principal, query);
    return { items: page.items.map(toNoticeDto), nextCursor: page.nextCursor };
  }
}
