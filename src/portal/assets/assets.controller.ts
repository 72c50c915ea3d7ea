import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators.js';
import { PORTAL_ROUTE_PREFIX } from '../portal-routing.js';
import { PORTAL_JS } from './portal-script.js';
import { PORTAL_CSS } from './portal-style.js';

/** The portal's stylesheet and script, as files of their own (the CSP allows no inline code). */
@ApiExcludeController()
@Public()
@Controller(`${PORTAL_ROUTE_PREFIX}/assets`)
export class AssetsController {
  @Get('portal.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  css(): string {
    return PORTAL_CSS;
  }

  @Get('portal.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  js(): string {
    return PORTAL_JS;
  }
}
