import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiProblems } from '../common/http/api-problems.js';
import { versionETag } from '../common/http/etag.js';
import { IfMatch } from '../common/http/if-match.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { AgreeMinutesDto, PutMinutesDto, SignMinutesDto } from './dto/minutes-input.dto.js';
import {
  MinutesDto,
  MinutesRevisionDto,
  MinutesRevisionListDto,
  toMinutesChangeDto,
  toMinutesDto,
  toRevisionSummaryDto,
} from './dto/minutes-output.dto.js';
import { RevisionParam } from './revision-param.js';
import { MinutesService, type MinutesView } from './minutes.service.js';
import { ProtocolService } from './protocol.service.js';
import { assertPdf, readRawBody, SIGNED_COPY_MAX_BYTES } from './signed-copy.js';
import { SignedCopyService } from './signed-copy.service.js';
import { ReadsOne } from '../common/http/operations.js';

@ApiTags('Minutes')
@ApiBearerAuth()
@ApiProblems(401, 503)
@Controller('sessions/:id/minutes')
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly protocol: ProtocolService,
    private readonly signedCopies: SignedCopyService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The session’s minutes',
    description:
      'Organizers get the latest revision (before the first save, a template with version 0 and the invitees as attendance); delegates the latest agreed or signed revision.',
  })
  @ApiOkResponse({
    type: MinutesDto,
    headers: { ETag: { description: 'The minutes’ version', schema: { type: 'string' } } },
  })
  @ApiProblems(400, 404)
  async get(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MinutesDto> {
    return send(response, await this.minutes.get(principal, id));
  }

  @Put()
  @ApiOperation({
    summary: 'Write the minutes (the whole record)',
    description: 'Only a draft is edited: agreed and signed minutes refuse (409); open a correction.',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiProblems(400, 403, 404, 409, 422, 415)
  async put(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: PutMinutesDto,
    @Res({ passthrough: true }) response: Response,
    @IfMatch('The minutes’ ETag') ifMatch: string | undefined,
  ): Promise<MinutesDto> {
    return send(response, await this.minutes.put(principal, id, body, ifMatch));
  }

  @Post('agree')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a party’s agreement',
    description:
      'The token’s own party, or the `partyId` named by an admin or a party-less organizer. The minutes are agreed once every party has agreed (one agreement when a single secretariat runs the committee).',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiProblems(400, 403, 404, 409, 422, 415)
  async agree(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: AgreeMinutesDto,
    @Res({ passthrough: true }) response: Response,
    @IfMatch('The minutes’ ETag') ifMatch: string | undefined,
  ): Promise<MinutesDto> {
    return send(response, await this.minutes.agree(principal, id, body, ifMatch));
  }

  @Post('sign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record the signing of agreed minutes',
    description: 'Stores the signed protocol (.docx) and its SHA-256; signed minutes no longer change.',
  })
  @ApiOkResponse({ type: MinutesDto })
  @ApiProblems(400, 403, 404, 409, 422, 415)
  async sign(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: SignMinutesDto,
    @Res({ passthrough: true }) response: Response,
    @IfMatch('The minutes’ ETag') ifMatch: string | undefined,
  ): Promise<MinutesDto> {
    return send(response, await this.minutes.sign(principal, id, body, ifMatch));
  }

  @Post('corrections')
  @ApiOperation({
    summary: 'Open a correction of agreed or signed minutes',
    description:
      'A new revision, starting from the signed text, that goes through draft → agreed → signed again.',
  })
  @ApiCreatedResponse({ type: MinutesDto })
  @ApiProblems(400, 403, 404, 409)
  async correct(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) response: Response,
    @IfMatch('The minutes’ ETag') ifMatch: string | undefined,
  ): Promise<MinutesDto> {
    return send(response, await this.minutes.correct(principal, id, ifMatch));
  }

  @Get('revisions')
  @ReadsOne(MinutesRevisionListDto, {
    summary: 'Every revision of the minutes (delegates: the agreed and signed ones)',
    problems: [400, 404],
  })
  async revisions(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<MinutesRevisionListDto> {
    return { items: (await this.minutes.revisions(principal, id)).map(toRevisionSummaryDto) };
  }

  @Get('revisions/:revision')
  @ReadsOne(MinutesRevisionDto, { summary: 'One revision, with who changed what when', problems: [400, 404] })
  async revision(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @RevisionParam() revision: number,
  ): Promise<MinutesRevisionDto> {
    const view = await this.minutes.revision(principal, id, revision);
    return {
      ...toMinutesDto(view.revision, view.requiredPartyIds),
      changes: view.changes.map(toMinutesChangeDto),
    };
  }

  @Get('protocol.docx')
  @ApiOperation({
    summary: 'The protocol as a Word document',
    description:
      'Title page, place and dates in the Gregorian and Solar Hijri calendars, attendance per party, each agenda item with its decisions and action items, signature blocks for the co-chairs; each language in turn, all equally authentic. Signed minutes in their signed languages answer the stored signed document.',
  })
  @ApiQuery({
    name: 'langs',
    required: false,
    example: 'fa,ru',
    description: 'Default: the parties’ languages',
  })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOkResponse({ description: 'The .docx; `X-Content-SHA256` is its digest' })
  @ApiProblems(400, 404, 422)
  async document(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res() response: Response,
    @Query('langs') langs?: string,
  ): Promise<void> {
    const document = await this.protocol.download(principal, id, langs);
    response
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .setHeader('Content-Disposition', `attachment; filename="protocol-${id}-r${document.revision}.docx"`)
      .setHeader('X-Content-SHA256', document.sha256)
      .setHeader('Cache-Control', 'private, no-cache')
      .send(document.bytes);
  }

  @Put('revisions/:revision/signed-copy')
  @ApiOperation({ summary: 'Upload the scanned signed copy (PDF) of a signed revision' })
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: MinutesDto })
  @ApiProblems(400, 403, 404, 409, 413, 415, 422)
  async uploadSignedCopy(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @RevisionParam() revision: number,
    @Req() request: Request,
  ): Promise<MinutesDto> {
    const body = await readRawBody(request, SIGNED_COPY_MAX_BYTES);
    assertPdf(request.headers['content-type'], body);
    const saved = await this.signedCopies.upload(principal, id, revision, body);
    return toMinutesDto(saved, (await this.minutes.get(principal, id)).requiredPartyIds);
  }

  @Get('revisions/:revision/signed-copy')
  @ApiOperation({ summary: 'The scanned signed copy (PDF) of a signed revision' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF as uploaded' })
  @ApiProblems(400, 404)
  async signedCopy(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @RevisionParam() revision: number,
    @Res() response: Response,
  ): Promise<void> {
    const pdf = await this.signedCopies.download(principal, id, revision);
    response.status(200).type('application/pdf').send(pdf);
  }
}

function send(response: Response, view: MinutesView): MinutesDto {
  response.setHeader('ETag', versionETag(view.revision.version));
  return toMinutesDto(view.revision, view.requiredPartyIds, view.saved);
}
