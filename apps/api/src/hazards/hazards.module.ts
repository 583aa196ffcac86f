import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssignRectificationHandler } from './commands/assign-rectification.command';
import { DecideExtensionHandler } from './commands/decide-extension.command';
import { ImposeSupervisionHandler } from './commands/impose-supervision.command';
import { LiftSupervisionHandler } from './commands/lift-supervision.command';
import { ReclassifyHazardHandler } from './commands/reclassify-hazard.command';
import { ReopenHazardHandler } from './commands/reopen-hazard.command';
import { ReportHazardHandler } from './commands/report-hazard.command';
import { RequestExtensionHandler } from './commands/request-extension.command';
import { SubmitRectificationHandler } from './commands/submit-rectification.command';
import { SubmitRemediationPlanHandler } from './commands/submit-remediation-plan.command';
import { VerifyRectificationHandler } from './commands/verify-rectification.command';
import { HazardCommandRunner } from './hazard-command.runner';
import { HazardCommandsController } from './hazard-commands.controller';
import { HazardQueriesController } from './hazard-queries.controller';
import { HazardReader } from './hazard.reader';
import { IntegrityController } from './integrity.controller';

const handlers = [
  ReportHazardHandler,
  AssignRectificationHandler,
  SubmitRemediationPlanHandler,
  RequestExtensionHandler,
  DecideExtensionHandler,
  SubmitRectificationHandler,
  VerifyRectificationHandler,
  ReopenHazardHandler,
  ImposeSupervisionHandler,
  LiftSupervisionHandler,
  ReclassifyHazardHandler,
];

@Module({
  imports: [CqrsModule],
  controllers: [HazardCommandsController, HazardQueriesController, IntegrityController],
  providers: [HazardCommandRunner, HazardReader, ...handlers],
})
export class HazardsModule {}
