import { Command } from '@nestjs/cqrs';
import type { StampedCommand, Unstamped } from '@hazard/domain';
import { RequestContext } from '../request-context/request-context';

/**
 * What goes on the CommandBus for any aggregate: the command as the edge built it (the edge stamps neither
 * time nor actor; the runner does) and who sent it how. Each aggregate has one subclass and one handler.
 */
export abstract class AggregateUseCase<C extends StampedCommand, Result> extends Command<Result> {
  constructor(
    readonly command: Unstamped<C>,
    readonly context: RequestContext,
  ) {
    super();
  }
}
