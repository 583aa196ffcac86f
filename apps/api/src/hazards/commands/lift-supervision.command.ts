import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class LiftSupervisionCommand extends HazardUseCase<{ reason: string }> {}

@CommandHandler(LiftSupervisionCommand)
export class LiftSupervisionHandler implements ICommandHandler<LiftSupervisionCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: LiftSupervisionCommand) {
    return this.runner.run({ type: 'LiftSupervision', hazardId, data: body }, context);
  }
}
