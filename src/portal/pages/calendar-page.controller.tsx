import { Body, Controller, Get, Inject, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { FeedsService } from '../../calendar-feeds/feeds.service.js';
import { Public } from '../../common/auth/decorators.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { PortalViewer } from '../sign-in/portal-sessions.service.js';
import { PORTAL_ROUTE_PREFIX } from '../portal-routing.js';
import { CalendarPage } from '../views/calendar-page.js';
import { PageErrorsFilter } from './page-errors.filter.js';
import type { PageContext } from './page-context.js';
import { sendPage } from './page-response.js';
import { assertCsrf, Page, PortalViewerGuard, Viewer } from './portal-viewer.js';

/** The label of feeds the portal makes; a new portal link replaces the older ones. */
export const PORTAL_FEED_LABEL = 'Quorum portal';

/**
 * /my/calendar: the delegate's own feed. Its secret is stored only as a hash, so its URLs are
 * shown when it is made: on the first visit, or when the delegate asks for a new link.
 */
@ApiExcludeController()
@Public()
@UseGuards(PortalViewerGuard)
@UseFilters(PageErrorsFilter)
@Controller(`${PORTAL_ROUTE_PREFIX}/my/calendar`)
export class CalendarPageController {
  constructor(
    private readonly feeds: FeedsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async show(
    @Viewer() viewer: PortalViewer,
    @Page() ctx: PageContext,
    @Res() response: Response,
  ): Promise<void> {
    const own = await this.ownFeeds(viewer);
    const urls = own.length === 0 ? await this.newFeed(viewer, ctx.lang) : undefined;
    sendPage(response, <CalendarPage ctx={ctx} urls={urls} />);
  }

  @Post()
  async renew(
    @Viewer() viewer: PortalViewer,
    @Body() body: unknown,
    @Page() ctx: PageContext,
    @Res() response: Response,
  ): Promise<void> {
    assertCsrf(viewer, body);
    const earlier = (await this.ownFeeds(viewer)).filter((feed) => feed.label === PORTAL_FEED_LABEL);
    const urls = await this.newFeed(viewer, ctx.lang);
    for (const feed of earlier) await this.feeds.revoke(viewer.principal, feed.id);
    sendPage(response, <CalendarPage ctx={ctx} urls={urls} />);
  }

  private async ownFeeds(viewer: PortalViewer) {
    const page = await this.feeds.list(viewer.principal, { limit: 200 });
    return page.items.filter(
      (feed) =>
        feed.scope === 'participant' && feed.participantId === viewer.participantId && !feed.revokedAt,
    );
  }

  private async newFeed(viewer: PortalViewer, lang: string): Promise<{ https: string; webcal: string }> {
    const { secret } = await this.feeds.create(viewer.principal, {
      scope: 'participant',
      targetId: viewer.participantId,
      label: PORTAL_FEED_LABEL,
      locale: lang,
    });
    const https = `${this.config.publicBaseUrl}/calendar/${secret}.ics`;
    return { https, webcal: https.replace(/^https?:/, 'webcal:') };
  }
}
