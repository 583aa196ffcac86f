import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { unitAggregate } from '@hazard/domain';
import { ReadModelsModule } from '../dashboard/read-models/read-models.module';
import { aggregateRunnerProvider } from '../edge/commands/aggregate-runner.provider';
import { NamedHazardsReader } from './named-hazards.reader';
import { SelfCheckCommands } from './self-check-commands';
import { UnitCommandsController } from './unit-commands.controller';
import { SelfReportingController, UnitQueriesController } from './unit-queries.controller';
import { UNIT_AGGREGATE, UNIT_RUNNER, UnitUseCaseHandler } from './unit-use-case';
import { UnitReader } from './unit.reader';

/**
 * The enterprise registry and self-reporting (企业自查自报): the unit aggregate run by the generic command path,
 * its stream-replayed reads, and the registry's lists and figures from the read models.
 */
@Module({
  imports: [CqrsModule, ReadModelsModule],
  controllers: [UnitCommandsController, UnitQueriesController, SelfReportingController],
  providers: [
    { provide: UNIT_AGGREGATE, useValue: unitAggregate },
    aggregateRunnerProvider(UNIT_RUNNER, UNIT_AGGREGATE),
    UnitUseCaseHandler,
    NamedHazardsReader,
    SelfCheckCommands,
    UnitReader,
  ],
})
export class UnitsModule {}
