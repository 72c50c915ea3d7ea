import { All, Controller, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators.js';
import { NotFoundError } from '../../common/errors/problem.js';
import { PORTAL_ROUTE_PREFIX } from '../portal-routing.js';
import { PageErrorsFilter } from './page-errors.filter.js';
import { PortalViewerGuard } from './portal-viewer.js';

/** Any other address outside the API is the portal's 404 page. Registered after every page. */
@ApiExcludeController()
@Public()
@UseGuards(PortalViewerGuard)
@UseFilters(PageErrorsFilter)
@Controller(PORTAL_ROUTE_PREFIX)
export class NotFoundController {
  @All('{*path}')
  notFound(): never {
    throw new NotFoundError('Page');
  }
}
