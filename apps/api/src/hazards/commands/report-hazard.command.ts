import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { hazardIdFor } from '@hazard/domain';
import { ReportHazardDto } from '../dto/report-hazard.dto';
import { HazardCommandRunner } from '../hazard-command.runner';
import { HazardUseCase } from './hazard-use-case';

/** The hazardId comes from the natural key, so a second report of the same key lands on the same stream. */
export class ReportHazardCommand extends HazardUseCase<ReportHazardDto> {
  constructor(body: ReportHazardDto, context: HazardUseCase<ReportHazardDto>['context']) {
    super(hazardIdFor(body), body, context);
  }
}

@CommandHandler(ReportHazardCommand)
export class ReportHazardHandler implements ICommandHandler<ReportHazardCommand> {
  constructor(private readonly runner: HazardCommandRunner) {}

  execute({ hazardId, body, context }: ReportHazardCommand) {
    return this.runner.run({ type: 'ReportHazard', hazardId, data: { ...body, evidence: body.evidence ?? [] } }, context);
  }
}
