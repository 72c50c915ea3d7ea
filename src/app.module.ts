import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import {
  IDEMPOTENCY_CRASH_POINT,
  IdempotencyInterceptor,
} from './common/idempotency/idempotency.interceptor.js';
import { ApiTokensModule } from './api-tokens/api-tokens.module.js';
import { AuthGuard } from './common/auth/auth.guard.js';
import { TokenCache } from './common/auth/token-cache.js';
import { ReadCache } from './common/http/read-cache.js';
import { ProblemDetailsFilter } from './common/errors/problem-details.filter.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { CommitteesModule } from './committees/committees.module.js';
import { PartiesModule } from './parties/parties.module.js';
import { ParticipantsModule } from './participants/participants.module.js';
import { WorkingGroupsModule } from './working-groups/working-groups.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { AgendaModule } from './agenda/agenda.module.js';
import { CalendarFeedsModule } from './calendar-feeds/calendar-feeds.module.js';
import { SeriesModule } from './series/series.module.js';
import { NoticesModule } from './notices/notices.module.js';
import { SchedulingModule } from './scheduling/scheduling.module.js';
import { MinutesModule } from './minutes/minutes.module.js';
import { PortalModule } from './portal/portal.module.js';
import { RegistrationsModule } from './registrations/registrations.module.js';

export interface AppOptions {
  /** Called with every SQL statement (the benchmark counts them). */
  onQuery?: (sql: string) => void;
  /** Tests only: runs between an idempotent POST's writes and its stored answer. */
  idempotencyCrashPoint?: () => Promise<void> | void;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot({ ...config, onQuery: options.onQuery }),
        HealthModule,
        ApiTokensModule,
        CommitteesModule,
        PartiesModule,
        ParticipantsModule,
        WorkingGroupsModule,
        SessionsModule,
        AgendaModule,
        CalendarFeedsModule,
        SeriesModule,
        NoticesModule,
        SchedulingModule,
        MinutesModule,
        // Before the portal: its not-found page answers every page address no module took.
        RegistrationsModule,
        PortalModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        ...(options.idempotencyCrashPoint
          ? [{ provide: IDEMPOTENCY_CRASH_POINT, useValue: options.idempotencyCrashPoint }]
          : []),
        ProblemDetailsFilter,
        TokenCache,
        ReadCache,
        { provide: APP_FILTER, useExisting: ProblemDetailsFilter },
      ],
      exports: [APP_CONFIG, TokenCache, ReadCache],
    };
  }
}
