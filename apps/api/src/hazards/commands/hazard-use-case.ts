import { Command } from '@nestjs/cqrs';
import { HazardCommandResult } from '../hazard-command.runner';
import { RequestContext } from '../request-context';

/** Base of every hazard use case sent on the CommandBus: the hazard, the validated body, who and how. */
export abstract class HazardUseCase<Body> extends Command<HazardCommandResult> {
  constructor(
    readonly hazardId: string,
    readonly body: Body,
    readonly context: RequestContext,
  ) {
    super();
  }
}
