import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { ApiProblems } from '../common/http/api-problems.js';
import { UuidParam } from '../common/http/uuid-param.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import {
  RegistrationDto,
  RegistrationPageDto,
  RegistrationQuery,
  RegistrationSettingsDto,
  RegistrationSettingsInput,
  toRegistrationDto,
  toSettingsDto,
} from './dto/registration.dto.js';
import { registrationsCsv } from './registrations-csv.js';
import { RegistrationsService } from './registrations.service.js';

const NOT_FOUND = [
  404,
  'No such session or registration, or the caller does not manage its committee (delegates included)',
] as const;
const STATE = [409, 'The registration is not in a state that allows this, or no seat is free'] as const;

/** Organizers open a webinar for registration and manage its registrants. */
@ApiTags('Webinar registration')
@ApiBearerAuth()
@Roles('admin', 'organizer', 'delegate')
@Controller('sessions/:id')
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Put('registration')
  @ApiOperation({
    summary: 'Open (or change) registration for a webinar',
    description:
      'Only for sessions of kind webinar. Lowering the capacity below the confirmed registrants is refused; raising it gives the new seats to the waitlist in order.',
  })
  @ApiOkResponse({ type: RegistrationSettingsDto })
  @ApiProblems(
    400,
    401,
    [...NOT_FOUND],
    [409, 'The session is not a webinar, or the capacity is below the confirmed registrants'],
    413,
    415,
    422,
    503,
  )
  async open(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Body() body: RegistrationSettingsInput,
  ): Promise<RegistrationSettingsDto> {
    const { settings, counts } = await this.registrations.open(principal, id, body);
    return toSettingsDto(settings, counts, this.config.publicBaseUrl);
  }

  @Get('registration')
  @ApiOperation({ summary: 'Read a webinar’s registration settings and counts' })
  @ApiOkResponse({ type: RegistrationSettingsDto })
  @ApiProblems(400, 401, [...NOT_FOUND], 503)
  async settings(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
  ): Promise<RegistrationSettingsDto> {
    const { settings, counts } = await this.registrations.get(principal, id);
    return toSettingsDto(settings, counts, this.config.publicBaseUrl);
  }

  @Get('registrations')
  @ApiOperation({ summary: 'List a webinar’s registrants (filter by status, cursor pages)' })
  @ApiOkResponse({ type: RegistrationPageDto })
  @ApiProblems(400, 401, [...NOT_FOUND], 422, 503)
  async list(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Query() query: RegistrationQuery,
  ): Promise<RegistrationPageDto> {
    const page = await this.registrations.list(principal, id, query);
    return { items: page.items.map(toRegistrationDto), nextCursor: page.nextCursor };
  }

  @Get('registrations/export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Export a webinar’s registrants as CSV',
    description: 'UTF-8 with a byte order mark, so that Excel shows Persian and Cyrillic text correctly.',
  })
  @ApiOkResponse({ description: 'The registrants, one row each' })
  @ApiProblems(400, 401, [...NOT_FOUND], 503)
  async export(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @Res() response: Response,
  ): Promise<void> {
    const rows = await this.registrations.forExport(principal, id);
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="registrations-${id}.csv"`)
      .setHeader('Cache-Control', 'private, no-store')
      .send(registrationsCsv(rows));
  }

  @Post('registrations/:registrationId/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a registration awaiting approval (a seat, or the waitlist when full)' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblems(400, 401, [...NOT_FOUND], [...STATE], 503)
  async approve(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('registrationId') registrationId: string,
  ): Promise<RegistrationDto> {
    return toRegistrationDto(await this.registrations.approve(principal, id, registrationId));
  }

  @Post('registrations/:registrationId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a registration; a confirmed seat goes to the first on the waitlist' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblems(400, 401, [...NOT_FOUND], [...STATE], 503)
  async reject(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('registrationId') registrationId: string,
  ): Promise<RegistrationDto> {
    return toRegistrationDto(await this.registrations.reject(principal, id, registrationId));
  }

  @Post('registrations/:registrationId/promote')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a registrant from the waitlist to a free seat' })
  @ApiOkResponse({ type: RegistrationDto })
  @ApiProblems(400, 401, [...NOT_FOUND], [...STATE], 503)
  async promote(
    @CurrentPrincipal() principal: Principal,
    @UuidParam('id') id: string,
    @UuidParam('registrationId') registrationId: string,
  ): Promise<RegistrationDto> {
    return toRegistrationDto(await this.registrations.promote(principal, id, registrationId));
  }
}
