import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { SlotSearchDto, SlotSearchResultDto } from './dto/slot-search.dto.js';
import { SlotSearchService } from './slot-search.service.js';
import { Changes } from '../common/http/operations.js';

@ApiTags('Finding a time')
@ApiBearerAuth()
@Controller('committees/:committeeId/slot-search')
export class SlotSearchController {
  constructor(private readonly slotSearch: SlotSearchService) {}

  @Post()
  @Changes(SlotSearchResultDto, {
    summary: 'Find meeting times that suit every party',
    description:
      "Ranked slots on days every party works (work week, public holidays as each party's local dates, extra days), inside every party's working hours, with the required participants free; drafts count as tentative. The same inputs on the same data give the same answer.",
    outcome: 'Slots best first, or reasons why there are none',
    problems: [
      400,
      401,
      [403, 'A delegate searching without itself among the participants'],
      [404, 'No such committee, or one the caller may not see'],
      [409, 'The committee has no parties yet'],
      415,
      [
        422,
        'A bad value, named in errors[].path: range longer than 92 days or `to` before `from`, a duration of zero or over a day, a participant unknown or of another committee, an unknown party code in minPerParty',
      ],
      503,
    ],
  })
  search(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('committeeId') committeeId: string,
    @Body() body: SlotSearchDto,
  ): Promise<SlotSearchResultDto> {
    return this.slotSearch.search(principal, committeeId, body);
  }
}
