import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module.js';
import { createValidationPipe } from './common/errors/validation.js';
import { addMissingExamples } from './common/http/openapi-examples.js';
import { countQuery, queryCountHeader } from './common/http/query-count.js';
import { requestId } from './common/http/request-id.js';
import type { AppConfig } from './config/app-config.js';
import {
  isPortalForm,
  PORTAL_HELMET_OPTIONS,
  PORTAL_ROUTE_PREFIX,
  routePagesToPortal,
} from './portal/portal-routing.js';

export const API_PREFIX = 'api/v1';

/** Builds the whole HTTP application; `main.ts` listens, the tests drive it with supertest. */
export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestExpressApplication> {
  const onQuery = config.queryCountHeader ? combine(options.onQuery, countQuery) : options.onQuery;
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { ...options, onQuery }),
    {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.set('etag', false);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  if (config.queryCountHeader) app.use(queryCountHeader);
  app.use(requestId);
  const strictHelmet = helmet(PORTAL_HELMET_OPTIONS);
  const docsHelmet = helmet({ contentSecurityPolicy: false });
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.startsWith('/docs')
      ? docsHelmet(request, response, next)
      : strictHelmet(request, response, next),
  );
  app.use(routePagesToPortal);
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false, type: isPortalForm });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'calendar/:file', method: RequestMethod.GET },
      { path: `${PORTAL_ROUTE_PREFIX}/{*path}`, method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
  await app.init();
  return app;
}

function setUpOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Quorum API')
      .setDescription(
        'Sessions, agendas and calendar feeds for joint committees, right in every time zone and language. ' +
          'Errors are application/problem+json (RFC 9457).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, addMissingExamples(document), { jsonDocumentUrl: 'docs/openapi.json' });
}

function combine(
  first: ((sql: string) => void) | undefined,
  second: (sql: string) => void,
): (sql: string) => void {
  return (sql) => {
    first?.(sql);
    second(sql);
  };
}
