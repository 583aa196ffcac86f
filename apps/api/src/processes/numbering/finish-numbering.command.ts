import { Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@hazard/domain';
import { describeError } from '../../edge/errors/describe-error';
import { SupervisionNumbering, UnnumberedImposition } from '../../supervision/supervision-numbering';
import { SagaCommandsInFlight } from '../escalation/saga-commands-in-flight';

/** The numbering process manager's command: make sure a system-numbered imposition has its 文号. */
export class FinishNumberingCommand extends Command<void> {
  constructor(readonly imposition: UnnumberedImposition) {
    super();
  }
}

@CommandHandler(FinishNumberingCommand)
export class FinishNumberingHandler implements ICommandHandler<FinishNumberingCommand> {
  private readonly logger = new Logger('SupervisionNumbering');

  constructor(
    private readonly numbering: SupervisionNumbering,
    private readonly inFlight: SagaCommandsInFlight,
  ) {}

  /** Not async on purpose: tracked before execute returns, so the relay waits for it (SagaCommandsInFlight). */
  execute({ imposition }: FinishNumberingCommand): Promise<void> {
    return this.inFlight.track(this.finish(imposition));
  }

  /**
   * Already numbered (the request did it, or an earlier delivery): both commands are answered from their
   * streams and nothing is appended. A domain refusal is logged, not retried; anything else fails the batch
   * and the relay delivers it again.
   */
  private async finish(imposition: UnnumberedImposition): Promise<void> {
    try {
      await this.numbering.number(imposition);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`imposition ${imposition.supervisionId} of hazard ${imposition.hazardId} not numbered: ${describeError(error)}`);
    }
  }
}
