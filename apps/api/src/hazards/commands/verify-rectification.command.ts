import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { VerificationDto } from '../dto/verification.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class VerifyRectificationCommand extends HazardUseCase<VerificationDto> {}

@CommandHandler(VerifyRectificationCommand)
export class VerifyRectificationHandler implements ICommandHandler<VerifyRectificationCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: VerifyRectificationCommand) {
    return this.runner.run({ type: 'VerifyRectification', hazardId, data: { ...body } }, context);
  }
}
