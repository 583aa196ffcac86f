import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { reportFor, UnitCommand, UnitEvent, UnitState } from '@hazard/domain';
import { AggregateCommandRunner, AggregateOutcome } from '@hazard/event-store';
import { AggregateUseCase } from '../edge/commands/aggregate-use-case';

/** The unit aggregate (`unitAggregate`), a provider so the runner is built like every other. */
export const UNIT_AGGREGATE = Symbol('UNIT_AGGREGATE');
/** The unit's generic command path: `aggregateRunnerProvider(UNIT_RUNNER, UNIT_AGGREGATE)`. */
export const UNIT_RUNNER = Symbol('UNIT_RUNNER');
export type UnitRunner = AggregateCommandRunner<UnitCommand, UnitEvent, UnitState>;

/** API.md: a unit command answers `{creditCode, revision, position}`; a self-check report adds `period, late`. */
export interface UnitCommandResult {
  readonly creditCode: string;
  readonly revision: number;
  readonly position: number;
  readonly period?: string;
  readonly late?: boolean;
}

/** Every unit use case on the CommandBus: the controller names the command type, the decider the rest. */
export class UnitUseCase extends AggregateUseCase<UnitCommand, UnitCommandResult> {}

@CommandHandler(UnitUseCase)
export class UnitUseCaseHandler implements ICommandHandler<UnitUseCase> {
  constructor(@Inject(UNIT_RUNNER) private readonly runner: UnitRunner) {}

  async execute({ command, context }: UnitUseCase): Promise<UnitCommandResult> {
    return unitCommandResult(command, await this.runner.run(command, context));
  }
}

function unitCommandResult(command: UnitUseCase['command'], { id, state, revision, position }: AggregateOutcome<UnitEvent, UnitState>): UnitCommandResult {
  const base = { creditCode: id, revision, position };
  if (command.type !== 'SubmitSelfCheckReport' || !state.exists) return base;
  const report = reportFor(state, command.data.period);
  return { ...base, period: command.data.period, late: report?.late ?? false };
}
