import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import { AgendaModule } from '../agenda/agenda.module.js';
import { CalendarFeedsModule } from '../calendar-feeds/calendar-feeds.module.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SessionsModule } from '../sessions/sessions.module.js';
import { AssetsController } from './assets/assets.controller.js';
import { CalendarPageController } from './pages/calendar-page.controller.js';
import { NotFoundController } from './pages/not-found.controller.js';
import { PortalViewerGuard } from './pages/portal-viewer.js';
import { SessionPagesController } from './pages/session-pages.controller.js';
import { PortalLinksController } from './portal-links.controller.js';
import { PortalRepository } from './portal.repository.js';
import { clientAddress } from './sign-in/client-address.js';
import { PortalLinksService } from './sign-in/portal-links.service.js';
import { PortalSessionsService } from './sign-in/portal-sessions.service.js';
import { SignInController } from './sign-in/sign-in.controller.js';

const MINUTE_MS = 60_000;

/** The delegate portal: server-rendered pages at the root, and the API for personal links. */
@Module({
  imports: [
    SessionsModule,
    AgendaModule,
    CalendarFeedsModule,
    // Public forms are limited per client address and, separately, per e-mail address asked for.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const limit = config.publicFormRateLimit ?? 10;
        return [
          {
            name: 'client',
            ttl: MINUTE_MS,
            limit,
            getTracker: (request: Record<string, unknown>) =>
              clientAddress(
                (request as unknown as Request).headers['x-forwarded-for'],
                (request as unknown as Request).socket.remoteAddress,
                config.trustProxyHops ?? 0,
              ),
          },
          {
            name: 'address',
            ttl: MINUTE_MS,
            limit,
            getTracker: (request: Record<string, unknown>) => {
              const email = (request.body as { email?: unknown } | undefined)?.email;
              return typeof email === 'string' ? email.trim().toLowerCase() : '';
            },
          },
        ];
      },
    }),
  ],
  controllers: [
    PortalLinksController,
    AssetsController,
    SignInController,
    CalendarPageController,
    SessionPagesController,
    NotFoundController,
  ],
  providers: [PortalLinksService, PortalSessionsService, PortalRepository, PortalViewerGuard],
})
export class PortalModule {}
