import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RemediationPlanDto } from '../dto/remediation-plan.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

export class SubmitRemediationPlanCommand extends HazardUseCase<RemediationPlanDto> {}

@CommandHandler(SubmitRemediationPlanCommand)
export class SubmitRemediationPlanHandler implements ICommandHandler<SubmitRemediationPlanCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: SubmitRemediationPlanCommand) {
    return this.runner.run({ type: 'SubmitRemediationPlan', hazardId, data: { ...body } }, context);
  }
}
