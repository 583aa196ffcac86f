import { Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { systemCommandId, systemContext, SystemCommandSender, SystemOutcome } from '../system-commands';
import { DueClosureReview } from './closure-review-table';

/** The deadline scheduler's command: record that a closure application was not reviewed in time. */
export class MarkClosureReviewOverdueCommand extends Command<SystemOutcome> {
  constructor(readonly due: DueClosureReview) {
    super();
  }
}

/** Refusals that mean there is nothing (more) to record: marked already, reviewed meanwhile, or not yet due. */
const NOTHING_TO_DO = new Set(['HAZARD.CLOSURE_REVIEW_ALREADY_OVERDUE', 'HAZARD.CLOSURE_REVIEW_NOT_DUE', 'HAZARD.ILLEGAL_TRANSITION']);

@CommandHandler(MarkClosureReviewOverdueCommand)
export class MarkClosureReviewOverdueHandler implements ICommandHandler<MarkClosureReviewOverdueCommand> {
  private readonly logger = new Logger('DeadlineScheduler');

  constructor(private readonly system: SystemCommandSender) {}

  /** commandId from the ClosureApplied's eventId: every scan of every scheduler sends the same command for it. */
  async execute({ due }: MarkClosureReviewOverdueCommand): Promise<SystemOutcome> {
    const commandId = systemCommandId('MarkClosureReviewOverdue', due.appliedEventId);
    const outcome = await this.system.send(
      { type: 'MarkClosureReviewOverdue', hazardId: due.hazardId, data: {} },
      systemContext(commandId, { eventId: due.appliedEventId, correlationId: due.correlationId }),
    );
    if (outcome.kind === 'refused' && !NOTHING_TO_DO.has(outcome.code)) {
      this.logger.warn(`MarkClosureReviewOverdue of hazard ${due.hazardId} (review due ${due.reviewDeadline}) refused: ${outcome.code} ${outcome.message}`);
    }
    return outcome;
  }
}
