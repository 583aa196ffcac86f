import { Logger } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Escalation } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';
import { systemCommandId, systemContext, SystemCommandSender, SystemOutcome } from '../system-commands';
import { SagaCommandsInFlight } from './saga-commands-in-flight';

/** An escalation rule fired on a recorded event: send its command as the system. */
export class ApplyEscalationCommand extends Command<SystemOutcome> {
  constructor(
    readonly escalation: Escalation,
    readonly trigger: RecordedEvent,
  ) {
    super();
  }
}

@CommandHandler(ApplyEscalationCommand)
export class ApplyEscalationHandler implements ICommandHandler<ApplyEscalationCommand> {
  private readonly logger = new Logger('Escalation');

  constructor(
    private readonly system: SystemCommandSender,
    private readonly inFlight: SagaCommandsInFlight,
  ) {}

  /** Not async on purpose: the command is tracked before execute returns (see SagaCommandsInFlight). */
  execute(command: ApplyEscalationCommand): Promise<SystemOutcome> {
    return this.inFlight.track(this.apply(command));
  }

  /**
   * commandId = (triggering event, rule): a redelivered event sends the very same command, which the store
   * answers from the stream. Correlation follows the trigger, causation is the trigger itself.
   */
  private async apply({ escalation, trigger }: ApplyEscalationCommand): Promise<SystemOutcome> {
    const commandId = systemCommandId('Escalation', trigger.id, escalation.rule);
    const context = systemContext(commandId, { eventId: trigger.id, correlationId: trigger.metadata.correlationId });
    const outcome = await this.system.send(escalation.command, context);
    if (outcome.kind === 'refused') {
      // ILLEGAL_TRANSITION: the hazard moved on (already supervised higher, verified, no longer supervised).
      const log = outcome.code === 'HAZARD.ILLEGAL_TRANSITION' ? 'debug' : 'warn';
      this.logger[log](`${escalation.rule} on ${trigger.type} ${trigger.id}: nothing done (${outcome.code} ${outcome.message})`);
    }
    return outcome;
  }
}
