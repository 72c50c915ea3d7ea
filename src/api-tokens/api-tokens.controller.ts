import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { PageQuery } from '../common/pagination/pagination.js';
import { ApiTokensService } from './api-tokens.service.js';
import {
  ApiTokenPageDto,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  toApiTokenDto,
} from './dto/api-token.dto.js';
import { AnswerHoldsSecret } from '../common/idempotency/idempotency.interceptor.js';
import { Creates, ReadsIndex, Removes } from '../common/http/operations.js';

@ApiTags('API tokens')
@ApiBearerAuth()
@Roles('admin', 'organizer')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly apiTokens: ApiTokensService) {}

  @Post()
  @AnswerHoldsSecret()
  @Creates(CreatedApiTokenDto, {
    summary: 'Create an API token (shown once)',
    description:
      'Admins create any token. Organizers create delegate tokens for participants of their committees and organizer tokens for committees they manage themselves; never admin tokens (403).',
    outcome: 'The token is in this answer and nowhere else',
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateApiTokenDto,
  ): Promise<CreatedApiTokenDto> {
    const { token, secret } = await this.apiTokens.create(principal, body);
    return { ...toApiTokenDto(token), token: secret };
  }

  @Get()
  @ReadsIndex(ApiTokenPageDto, {
    summary: 'List API tokens',
    description: 'Admins see every token; organizers see the tokens of their committees.',
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() page: PageQuery): Promise<ApiTokenPageDto> {
    const result = await this.apiTokens.list(principal, page);
    return { items: result.items.map(toApiTokenDto), nextCursor: result.nextCursor };
  }

  @Delete(':id')
  @Removes({
    summary: 'Revoke an API token',
    description: 'Organizers revoke tokens of their committees only.',
    outcome: 'Revoked; the token stops working at once',
  })
  async revoke(@CurrentPrincipal() principal: Principal, @UuidParam('id') id: string): Promise<void> {
    await this.apiTokens.revoke(principal, id);
  }
}
