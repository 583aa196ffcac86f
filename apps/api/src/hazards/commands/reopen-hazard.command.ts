import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ReopeningDto } from '../dto/verification.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class ReopenHazardCommand extends HazardUseCase<ReopeningDto> {}

@CommandHandler(ReopenHazardCommand)
export class ReopenHazardHandler implements ICommandHandler<ReopenHazardCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: ReopenHazardCommand) {
    return this.runner.run({ type: 'ReopenHazard', hazardId, data: { ...body } }, context);
  }
}
