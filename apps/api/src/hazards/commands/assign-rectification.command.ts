import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignRectificationDto } from '../dto/assign-rectification.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class AssignRectificationCommand extends HazardUseCase<AssignRectificationDto> {}

@CommandHandler(AssignRectificationCommand)
export class AssignRectificationHandler implements ICommandHandler<AssignRectificationCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: AssignRectificationCommand) {
    return this.runner.run({ type: 'AssignRectification', hazardId, data: { ...body } }, context);
  }
}
