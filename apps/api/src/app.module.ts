import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { DestinationStream } from 'pino';
import { ThrottlerModule } from '@nestjs/throttler';
import { Catalogue } from '@hazard/domain';
import { AppConfig, Clock, resolveJwtSecret, systemClock } from '@hazard/platform';
import { CatalogueModule } from './catalogue/catalogue.module';
import { ConsoleModule } from './console/console.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { JwtAuthGuard } from './edge/auth/jwt-auth.guard';
import { AuthFailureLimiter } from './edge/rate-limit/auth-failure-limiter';
import { RateLimitGuard } from './edge/rate-limit/rate-limit.guard';
import { throttlerOptions } from './edge/rate-limit/rate-limit.options';
import { AllExceptionsFilter } from './edge/errors/all-exceptions.filter';
import { IdempotencyModule } from './edge/idempotency/idempotency.module';
import { HazardsModule } from './hazards/hazards.module';
import { HealthModule } from './health/health.module';
import { CLOCK } from './infrastructure/clock.token';
import { ConfigModule } from './infrastructure/config.module';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { SupervisionModule } from './supervision/supervision.module';
import { TipsModule } from './tips/tips.module';
import { ProcessesModule } from './processes/processes.module';
import { ReportsModule } from './reports/reports.module';
import { UnitsModule } from './units/units.module';

export interface AppOverrides {
  /** Tests move time with a fake clock instead of sleeping. */
  readonly clock?: Clock;
  /** Tests read the JSON log lines from here instead of stdout. */
  readonly logDestination?: DestinationStream;
}

export interface AppReferenceData {
  readonly catalogue: Catalogue;
}

@Global()
@Module({})
class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: CLOCK, useValue: clock }], exports: [CLOCK] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, reference: AppReferenceData, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, overrides.logDestination),
        MetricsModule,
        ClockModule.forRoot(overrides.clock ?? systemClock),
        JwtModule.register({ global: true, secret: resolveJwtSecret(config.dataDir, config.jwtSecret), signOptions: { algorithm: 'HS256' } }),
        ThrottlerModule.forRoot(throttlerOptions(config.security.throttle)),
        InfrastructureModule,
        CatalogueModule.forRoot(reference.catalogue),
        IdempotencyModule,
        HazardsModule,
        SupervisionModule,
        TipsModule,
        HealthModule,
        DashboardModule,
        ConsoleModule,
        ProcessesModule,
        ReportsModule,
        UnitsModule,
      ],
      providers: [
        AuthFailureLimiter,
        // In this order: the limiter counts the user JwtAuthGuard has just verified.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
