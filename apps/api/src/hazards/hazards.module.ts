import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Catalogue, hazardAggregateWith } from '@hazard/domain';
import { AppConfig, hazardRulesOf } from '@hazard/platform';
import { CATALOGUE } from '../catalogue/catalogue.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { aggregateRunnerProvider } from '../edge/commands/aggregate-runner.provider';
import { HazardCommandsController } from './hazard-commands.controller';
import { HazardQueriesController } from './hazard-queries.controller';
import { HazardReader } from './hazard.reader';
import { HAZARD_AGGREGATE, HAZARD_RUNNER, HazardUseCaseHandler } from './hazard-use-case';
import { IntegrityController } from './integrity.controller';

/** The hazard aggregate at the edge: its commands through the generic runner, its stream-replayed reads. */
@Module({
  imports: [CqrsModule],
  controllers: [HazardCommandsController, HazardQueriesController, IntegrityController],
  providers: [
    { provide: HAZARD_AGGREGATE, inject: [APP_CONFIG, CATALOGUE], useFactory: (config: AppConfig, catalogue: Catalogue) => hazardAggregateWith(hazardRulesOf(config, catalogue)) },
    aggregateRunnerProvider(HAZARD_RUNNER, HAZARD_AGGREGATE),
    HazardUseCaseHandler,
    HazardReader,
  ],
  exports: [HAZARD_RUNNER],
})
export class HazardsModule {}
