import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ReadModelsModule } from '../dashboard/read-models/read-models.module';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';
import { ProjectorLagHealthIndicator } from './projector-lag.health';

@Module({
  imports: [TerminusModule, ReadModelsModule],
  controllers: [HealthController],
  providers: [EventStoreHealthIndicator, ProjectorLagHealthIndicator],
})
export class HealthModule {}
