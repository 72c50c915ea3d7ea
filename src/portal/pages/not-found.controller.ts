import { All, Controller, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators.js';
import { NotFoundError } from '../../common/errors/problem.js';
import { unknownRoute } from '../../common/http/route-methods.js';
import { PORTAL_ROUTE_PREFIX, wantsPage } from '../portal-routing.js';
import { PageErrorsFilter } from './page-errors.filter.js';
import { PortalViewerGuard } from './portal-viewer.js';

/**
 * Any other address outside the API is the portal's 404 page for a browser, and the API's
 * problem+json 404 for any other client. Registered after every page.
 */
@ApiExcludeController()
@Public()
@UseGuards(PortalViewerGuard)
@UseFilters(PageErrorsFilter)
@Controller(PORTAL_ROUTE_PREFIX)
export class NotFoundController {
  @All('{*path}')
  notFound(@Req() request: Request, @Res() response: Response): void {
    if (!wantsPage(request)) return unknownRoute(request, response);
    throw new NotFoundError('Page');
  }
}
