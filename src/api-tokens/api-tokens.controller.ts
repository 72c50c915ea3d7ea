import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../common/auth/decorators.js';
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

@ApiTags('API tokens')
@ApiBearerAuth()
@Roles('admin')
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly apiTokens: ApiTokensService) {}

  @Post()
  @AnswerHoldsSecret()
  @ApiCreatedResponse({
    type: CreatedApiTokenDto,
    description: 'The token is in this answer and nowhere else',
  })
  async create(@Body() body: CreateApiTokenDto): Promise<CreatedApiTokenDto> {
    const { token, secret } = await this.apiTokens.create(body);
    return { ...toApiTokenDto(token), token: secret };
  }

  @Get()
  @ApiOkResponse({ type: ApiTokenPageDto })
  async list(@Query() page: PageQuery): Promise<ApiTokenPageDto> {
    const result = await this.apiTokens.list(page);
    return { items: result.items.map(toApiTokenDto), nextCursor: result.nextCursor };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked; the token stops working at once' })
  async revoke(@UuidParam('id') id: string): Promise<void> {
    await this.apiTokens.revoke(id);
  }
}
