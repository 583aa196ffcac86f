import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ExtensionRequestDto } from '../dto/extension.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class RequestExtensionCommand extends HazardUseCase<ExtensionRequestDto> {}

@CommandHandler(RequestExtensionCommand)
export class RequestExtensionHandler implements ICommandHandler<RequestExtensionCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: RequestExtensionCommand) {
    return this.runner.run({ type: 'RequestExtension', hazardId, data: { ...body } }, context);
  }
}
