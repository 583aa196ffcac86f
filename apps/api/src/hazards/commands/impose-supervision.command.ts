import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SupervisionDto } from '../dto/supervision.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class ImposeSupervisionCommand extends HazardUseCase<SupervisionDto> {}

@CommandHandler(ImposeSupervisionCommand)
export class ImposeSupervisionHandler implements ICommandHandler<ImposeSupervisionCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: ImposeSupervisionCommand) {
    return this.runner.run({ type: 'ImposeSupervision', hazardId, data: { ...body } }, context);
  }
}
