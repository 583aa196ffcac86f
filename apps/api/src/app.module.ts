import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { resolveJwtSecret } from './config/jwt-secret';
import { DashboardPageModule } from './dashboard-page/dashboard-page.module';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { DashboardModule } from './dashboard/dashboard.module';
import { HazardsModule } from './hazards/hazards.module';
import { HealthModule } from './health/health.module';
import { Clock, CLOCK, systemClock } from './infrastructure/clock';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { LiveModule } from './live/live.module';
import { SchedulerModule } from './scheduler/scheduler.module';

export interface AppOverrides {
  /** Tests move time with a fake clock instead of sleeping. */
  readonly clock?: Clock;
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
  static forRoot(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(overrides.clock ?? systemClock),
        JwtModule.register({ global: true, secret: resolveJwtSecret(config.dataDir, config.jwtSecret), signOptions: { algorithm: 'HS256' } }),
        InfrastructureModule,
        HazardsModule,
        HealthModule,
        DashboardModule,
        SchedulerModule,
        LiveModule,
        DashboardPageModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
