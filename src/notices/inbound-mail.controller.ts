import {
  Controller,
  Headers,
  HttpCode,
  Inject,
  Post,
  Req,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiProblems } from '../common/http/api-problems.js';
import { Public } from '../common/auth/decorators.js';
import { sameSecret } from '../common/auth/token-hash.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { InboundRepliesService } from './inbound-replies.service.js';

@ApiTags('Notices')
@Controller('inbound-mail')
export class InboundMailController {
  constructor(
    private readonly replies: InboundRepliesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Hand over one received e-mail (an MTA pipe or a provider webhook)',
    description:
      'The raw RFC 5322 message as `message/rfc822`, with `Authorization: Bearer <INBOUND_MAIL_SECRET>`. ' +
      'An iMIP REPLY whose UID, attendee and SEQUENCE match updates that RSVP; anything else is logged ' +
      'and ignored. The answer is the same either way.',
  })
  @ApiConsumes('message/rfc822')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ description: 'Received' })
  @ApiProblems(
    [401, 'No, or the wrong, INBOUND_MAIL_SECRET (or none is configured)'],
    [413, 'Over 10 MB'],
    [415, 'Not message/rfc822, or an empty body'],
    [422, 'A header holding a NUL character or a lone surrogate'],
    503,
  )
  async receive(
    @Headers('authorization') authorization: string | undefined,
    @Req() request: Request,
  ): Promise<{ status: 'received' }> {
    const secret = this.config.inboundMailSecret;
    const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!secret || !given || !sameSecret(given, secret)) {
      throw new UnauthorizedException({
        code: 'unauthorized',
        detail: 'A valid inbound mail secret is needed',
      });
    }
    await this.replies.receive(rawBody(request));
    return { status: 'received' };
  }
}

function rawBody(request: Request): Buffer {
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
    throw new UnsupportedMediaTypeException({
      code: 'unsupported-media-type',
      detail: 'The body must be one raw e-mail with Content-Type: message/rfc822',
    });
  }
  return request.body;
}
