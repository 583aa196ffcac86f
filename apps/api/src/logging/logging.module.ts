import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig } from '@hazard/platform';
import { RequestLogHook } from './request-log.hook';
import { createRootLogger, ROOT_LOGGER } from './root-logger';

/**
 * Structured JSON logs at LOG_LEVEL (docs/operations.md). nestjs-pino binds each request's logger (its id as
 * `requestId`) so lines logged while handling it carry the id; its own per-request lines are off: the
 * RequestLogHook writes the one line, with the route pattern, the actor and the status.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, destination?: DestinationStream): DynamicModule {
    const logger = createRootLogger(config.logLevel, destination);
    return {
      module: LoggingModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            logger,
            autoLogging: false,
            quietReqLogger: true,
            customAttributeKeys: { reqId: 'requestId' },
            genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
          },
        }),
      ],
      providers: [{ provide: ROOT_LOGGER, useValue: logger }, RequestLogHook],
      exports: [ROOT_LOGGER],
    };
  }
}
