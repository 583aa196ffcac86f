import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ExtensionDecisionDto } from '../dto/extension.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class DecideExtensionCommand extends HazardUseCase<ExtensionDecisionDto> {}

@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<DecideExtensionCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: DecideExtensionCommand) {
    return this.runner.run({ type: 'DecideExtension', hazardId, data: { ...body } }, context);
  }
}
