import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HazardCommand, HazardEvent, HazardState } from '@hazard/domain';
import { AggregateCommandRunner } from '@hazard/event-store';
import { AggregateUseCase } from '../edge/commands/aggregate-use-case';
import { HazardCommandResult, hazardCommandResult } from './hazard-command-result';

/** The hazard aggregate with the configured rules and catalogue (`hazardAggregateWith`). */
export const HAZARD_AGGREGATE = Symbol('HAZARD_AGGREGATE');
/** The hazard's generic command path: `aggregateRunnerProvider(HAZARD_RUNNER, HAZARD_AGGREGATE)`. */
export const HAZARD_RUNNER = Symbol('HAZARD_RUNNER');
export type HazardRunner = AggregateCommandRunner<HazardCommand, HazardEvent, HazardState>;

/** Every hazard use case on the CommandBus: the controller names the command type, the decider the rest. */
export class HazardUseCase extends AggregateUseCase<HazardCommand, HazardCommandResult> {}

@CommandHandler(HazardUseCase)
export class HazardUseCaseHandler implements ICommandHandler<HazardUseCase> {
  constructor(@Inject(HAZARD_RUNNER) private readonly runner: HazardRunner) {}

  async execute({ command, context }: HazardUseCase): Promise<HazardCommandResult> {
    return hazardCommandResult(await this.runner.run(command, context));
  }
}
