import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RectificationDto } from '../dto/rectification.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class SubmitRectificationCommand extends HazardUseCase<RectificationDto> {}

@CommandHandler(SubmitRectificationCommand)
export class SubmitRectificationHandler implements ICommandHandler<SubmitRectificationCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: SubmitRectificationCommand) {
    return this.runner.run({ type: 'SubmitRectification', hazardId, data: { ...body } }, context);
  }
}
