import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LevelChangeDto } from '../dto/supervision.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class ReclassifyHazardCommand extends HazardUseCase<LevelChangeDto> {}

@CommandHandler(ReclassifyHazardCommand)
export class ReclassifyHazardHandler implements ICommandHandler<ReclassifyHazardCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: ReclassifyHazardCommand) {
    return this.runner.run({ type: 'ReclassifyHazard', hazardId, data: { ...body } }, context);
  }
}
