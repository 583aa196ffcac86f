import { Logger, RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule, AppOverrides } from './app.module';
import { refuseHostileHeaders } from './edge/hostile-input/header-limits';
import { useDepthLimitedJsonParser } from './edge/hostile-input/json-body-parser';
import { openApiDocument } from './edge/openapi/openapi-document';
import { registerSecurityHeaders } from './edge/security/security-headers';
import { requestIdOf } from './logging/root-logger';
import { AppConfig, loadCatalogue, securePrivateDir } from '@hazard/platform';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT = 1024 * 1024;

/** Builds the whole application; main.ts listens on it, e2e tests drive it with supertest. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<NestFastifyApplication> {
  // Reference data is read before Nest builds anything: a broken file is a ConfigError, not a half-started app.
  const catalogue = loadCatalogue(config.catalogueFile);
  // DATA_DIR 0700 and its files 0600 before anything opens them (docs/security.md).
  const tightened = securePrivateDir(config.dataDir);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { catalogue }, overrides),
    new FastifyAdapter({ bodyLimit: BODY_LIMIT, genReqId: requestIdOf }),
    // JSON lines through pino at LOG_LEVEL (logging/); what Nest logs while it builds waits for that logger.
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoNestLogger));
  app.flushLogs();
  if (tightened.length > 0) new Logger('DataDir').warn(`made private (0700/0600): ${tightened.join(', ')}`);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.ALL },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      // The live page and its assets, for the wall display: /dashboard, not /api/v1/dashboard (the JSON).
      // Exactly these two routes: a wildcard would also pull /api/v1/dashboard/summary etc. out of the prefix.
      { path: 'dashboard', method: RequestMethod.GET },
      { path: 'dashboard/assets/:name', method: RequestMethod.GET },
      { path: 'console', method: RequestMethod.GET },
      { path: 'console/assets/:name', method: RequestMethod.GET },
    ],
  });
  useDepthLimitedJsonParser(app, BODY_LIMIT);
  refuseHostileHeaders(app);
  await registerSecurityHeaders(app, config.security);
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  // No enableShutdownHooks: main.ts stops on signals itself, HTTP first (shutdown/graceful-shutdown.ts).
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
