import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { CalendarFeedsModule } from '../calendar-feeds/calendar-feeds.module.js';
import { MinutesModule } from '../minutes/minutes.module.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AssetsController } from './assets/assets.controller.js';
import { CalendarPageController } from './pages/calendar-page.controller.js';
import { NotFoundController } from './pages/not-found.controller.js';
import { PortalViewerGuard } from './pages/portal-viewer.js';
import { SessionPagesController } from './pages/session-pages.controller.js';
import { PortalLinksController } from './portal-links.controller.js';
import { SessionViews } from './pages/session-views.js';
import { PortalRepository } from './portal.repository.js';
import { FormHitsRepository } from './sign-in/form-hits.repository.js';
import { FormRateLimit } from './sign-in/form-rate-limit.js';
import { PortalLinksRepository } from './sign-in/portal-links.repository.js';
import { PortalLinksService } from './sign-in/portal-links.service.js';
import { PortalSessionsRepository } from './sign-in/portal-sessions.repository.js';
import { PortalSessionsService } from './sign-in/portal-sessions.service.js';
import { SignInController } from './sign-in/sign-in.controller.js';

/** The delegate portal: server-rendered pages at the root, and the API for personal links. */
@Module({
  imports: [SessionsModule, AgendaModule, CalendarFeedsModule, MinutesModule],
  controllers: [
    PortalLinksController,
    AssetsController,
    SignInController,
    CalendarPageController,
    SessionPagesController,
    NotFoundController,
  ],
  providers: [
    PortalLinksService,
    PortalLinksRepository,
    PortalSessionsService,
    PortalSessionsRepository,
    PortalRepository,
    PortalViewerGuard,
    SessionViews,
    FormRateLimit,
    FormHitsRepository,
  ],
})
export class PortalModule {}
