import { Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { systemCommandId, systemContext, SystemCommandSender, SystemOutcome } from '../system-commands';
import { DueDeadline } from './deadline-table';

/** The deadline scheduler's command: record that `due.deadline` passed before the hazard was rectified. */
export class MarkOverdueCommand extends Command<SystemOutcome> {
  constructor(readonly due: DueDeadline) {
    super();
  }
}

/** Refusals that mean the deadline needs nothing (more) from the scheduler: marked already, moved, or met. */
const NOTHING_TO_DO = new Set(['HAZARD.ALREADY_OVERDUE', 'HAZARD.DEADLINE_NOT_PASSED', 'HAZARD.ILLEGAL_TRANSITION']);

@CommandHandler(MarkOverdueCommand)
export class MarkOverdueHandler implements ICommandHandler<MarkOverdueCommand> {
  private readonly logger = new Logger('DeadlineScheduler');

  constructor(private readonly system: SystemCommandSender) {}

  /**
   * The commandId depends only on the deadline (hazard, cycle, deadline), so every scan of every scheduler
   * instance, before or after a restart, sends the same command: the store keeps the first and answers the
   * rest from the stream.
   */
  async execute({ due }: MarkOverdueCommand): Promise<SystemOutcome> {
    const commandId = systemCommandId('MarkOverdue', due.hazardId, due.occurrence, due.deadline);
    const outcome = await this.system.send(
      { type: 'MarkOverdue', hazardId: due.hazardId, data: {} },
      systemContext(commandId, { eventId: due.causeEventId, correlationId: due.correlationId }),
    );
    if (outcome.kind === 'refused' && !NOTHING_TO_DO.has(outcome.code)) {
      this.logger.warn(`MarkOverdue of hazard ${due.hazardId} (deadline ${due.deadline}) refused: ${outcome.code} ${outcome.message}`);
    }
    return outcome;
  }
}
