import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NotificationLadder } from '../../notifications/notification-ladder.service';
import { SagaCommandsInFlight } from '../escalation/saga-commands-in-flight';

/** Look at one hazard's ladder now: sent by the saga on deadline events, and by the deadline scan. */
export class EvaluateLadderCommand extends Command<number> {
  constructor(
    readonly hazardId: string,
    readonly cause: { readonly eventId: string; readonly correlationId: string },
  ) {
    super();
  }
}

@CommandHandler(EvaluateLadderCommand)
export class EvaluateLadderHandler implements ICommandHandler<EvaluateLadderCommand> {
  constructor(
    private readonly ladder: NotificationLadder,
    private readonly inFlight: SagaCommandsInFlight,
  ) {}

  /** Not async on purpose: tracked before execute returns, so the relay waits for it (SagaCommandsInFlight). */
  execute({ hazardId, cause }: EvaluateLadderCommand): Promise<number> {
    return this.inFlight.track(this.ladder.evaluate(hazardId, cause));
  }
}
