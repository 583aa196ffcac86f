import { Inject, Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@hazard/domain';
import { systemCommandId, systemContext } from '../../edge/commands/system-command-id';
import { TIP_RUNNER, TipRunner } from '../../tips/tip-runners';
import { DueTipDeadline } from './tip-deadline-table';

export type TipMarkOutcome = { readonly kind: 'recorded' } | { readonly kind: 'refused'; readonly code: string };

/** The deadline scheduler's command for a tip: record a missed verification or feedback due time. */
export class MarkTipDeadlineCommand extends Command<TipMarkOutcome> {
  constructor(readonly due: DueTipDeadline) {
    super();
  }
}

/** Refusals that mean there is nothing (more) to record: marked already, or concluded / answered meanwhile. */
const NOTHING_TO_DO = new Set(['TIP.ALREADY_OVERDUE', 'TIP.NOT_DUE']);

@CommandHandler(MarkTipDeadlineCommand)
export class MarkTipDeadlineHandler implements ICommandHandler<MarkTipDeadlineCommand> {
  private readonly logger = new Logger('DeadlineScheduler');

  constructor(@Inject(TIP_RUNNER) private readonly tips: TipRunner) {}

  /** commandId from (tip, kind, due time): every scan of every scheduler sends the same command for it. */
  async execute({ due }: MarkTipDeadlineCommand): Promise<TipMarkOutcome> {
    const type = due.which === 'verify' ? 'MarkTipOverdue' : 'MarkTipFeedbackOverdue';
    const context = systemContext(systemCommandId(type, due.tipId, due.dueAt), { eventId: due.causeEventId, correlationId: due.correlationId });
    try {
      await this.tips.run({ type, tipId: due.tipId, data: { dueAt: due.dueAt } }, context);
      return { kind: 'recorded' };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (!NOTHING_TO_DO.has(error.code)) this.logger.warn(`${type} of tip ${due.tipId} refused: ${error.code}`);
      return { kind: 'refused', code: error.code };
    }
  }
}
