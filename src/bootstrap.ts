import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule, type AppOptions } from './app.module.js';
import { answerKnownFeedPolls } from './calendar-feeds/feed-answer.js';
import { FeedContentService } from './calendar-feeds/feed-content.service.js';
import { createValidationPipe } from './common/errors/validation.js';
import { addMissingExamples } from './common/http/openapi-examples.js';
import { countQuery, queryCountHeader } from './common/http/query-count.js';
import { requestId } from './common/http/request-id.js';
import { RouteMethods, refuseUnknownMethods, unknownRoute } from './common/http/route-methods.js';
import { refuseNonJsonBodies, refuseUnsafeInput } from './common/http/request-input.js';
import { AppLogger } from './common/logging/app-logger.js';
import { createRootLogger, requestLogging } from './common/logging/request-logging.js';
import type { AppConfig } from './config/app-config.js';
import {
  isPortalForm,
  PORTAL_HELMET_OPTIONS,
  PORTAL_ROUTE_PREFIX,
  routePagesToPortal,
} from './portal/portal-routing.js';

export const API_PREFIX = 'api/v1';

/** Bodies that are not JSON, read by the routes that take them: received mail, a scanned PDF. */
const OWN_BODY_TYPES = ['message/rfc822', 'application/pdf'];

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
  const rootLogger = createRootLogger(config);
  app.useLogger(new AppLogger(rootLogger));
  app.set('etag', false);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  if (config.queryCountHeader) app.use(queryCountHeader);
  app.use(requestId);
  app.use(requestLogging(rootLogger));
  const strictHelmet = helmet(PORTAL_HELMET_OPTIONS);
  const docsHelmet = helmet({ contentSecurityPolicy: false });
  app.use((request: Request, response: Response, next: NextFunction) =>
    request.path.startsWith('/docs')
      ? docsHelmet(request, response, next)
      : strictHelmet(request, response, next),
  );
  app.use(routePagesToPortal);
  // The documented routes are known once the OpenAPI document is built, below.
  const documented: { routes?: RouteMethods } = {};
  app.use(refuseUnknownMethods(() => documented.routes));
  app.use(refuseNonJsonBodies(OWN_BODY_TYPES));
  app.useBodyParser('json', { limit: '1mb', type: ['application/json', 'application/*+json'] });
  // Received e-mail for POST /api/v1/inbound-mail, as the raw bytes of the message.
  app.useBodyParser('raw', { limit: '10mb', type: 'message/rfc822' });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false, type: isPortalForm });
  app.use(refuseUnsafeInput);
  app.use(answerKnownFeedPolls(app.get(FeedContentService)));
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'calendar/:file', method: RequestMethod.GET },
      { path: `${PORTAL_ROUTE_PREFIX}/{*path}`, method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  documented.routes = new RouteMethods(setUpOpenApi(app).paths);
  await app.init();
  app.use(unknownRoute);
  return app;
}

function setUpOpenApi(app: NestExpressApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Quorum API')
      .setDescription(
        'Sessions, agendas and calendar feeds for joint committees, right in every time zone and language. ' +
          'Errors are application/problem+json (RFC 9457).',
      )
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque (qrm_…)',
        description: 'An API token (qrm_…) from POST /api-tokens, or ADMIN_TOKEN',
      })
      .build(),
  );
  const documented = addMissingExamples(document);
  SwaggerModule.setup('docs', app, documented, { jsonDocumentUrl: 'docs/openapi.json' });
  return documented;
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
