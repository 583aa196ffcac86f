import { RequestMethod, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOverrides } from './app.module';
import { AppConfig, loadCatalogue, LOG_LEVELS } from '@hazard/platform';

export const API_PREFIX = 'api/v1';

/** Builds the whole application; main.ts listens on it, e2e tests drive it with supertest. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<NestFastifyApplication> {
  // Reference data is read before Nest builds anything: a broken file is a ConfigError, not a half-started app.
  const catalogue = loadCatalogue(config.catalogueFile);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { catalogue }, overrides),
    new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
    { logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1) },
  );
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.ALL },
      // The live page and its assets, for the wall display: /dashboard, not /api/v1/dashboard (the JSON).
      // Exactly these two routes: a wildcard would also pull /api/v1/dashboard/summary etc. out of the prefix.
      { path: 'dashboard', method: RequestMethod.GET },
      { path: 'dashboard/assets/:name', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hazard rectification ledger')
      .setDescription('安全生产隐患排查治理: an event-sourced ledger of hazards, their rectification and verification.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
