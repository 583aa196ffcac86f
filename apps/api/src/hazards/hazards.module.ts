import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { hazardAggregateWith } from '@hazard/domain';
import { aggregateRunnerProvider } from '../edge/commands/aggregate-runner.provider';
import { HazardCommandsController } from './hazard-commands.controller';
import { HazardQueriesController } from './hazard-queries.controller';
import { HazardReader } from './hazard.reader';
import { hazardRulesOf } from './hazard-rules.config';
import { HAZARD_RUNNER, HazardUseCaseHandler } from './hazard-use-case';
import { IntegrityController } from './integrity.controller';

/** The hazard aggregate at the edge: its commands through the generic runner, its stream-replayed reads. */
@Module({
  imports: [CqrsModule],
  controllers: [HazardCommandsController, HazardQueriesController, IntegrityController],
  providers: [aggregateRunnerProvider(HAZARD_RUNNER, (config) => hazardAggregateWith(hazardRulesOf(config))), HazardUseCaseHandler, HazardReader],
  exports: [HAZARD_RUNNER],
})
export class HazardsModule {}
