import { Inject, Injectable } from '@nestjs/common';
import { DomainError, HazardCommand, Unstamped } from '@hazard/domain';
import { RequestContext } from '../edge/request-context/request-context';

export { systemCommandId, systemContext } from '../edge/commands/system-command-id';
import { HazardCommandResult, hazardCommandResult } from '../hazards/hazard-command-result';
import { HAZARD_RUNNER, HazardRunner } from '../hazards/hazard-use-case';

/** A hazard command as the runner takes it: without `now` and `actor`, which it stamps. */
export type SystemCommand = Unstamped<HazardCommand>;

/** What a system command came to: recorded (or already recorded by this commandId), or refused by the domain. */
export type SystemOutcome =
  | { readonly kind: 'recorded'; readonly result: HazardCommandResult }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

/**
 * Sends hazard commands as SYSTEM_ACTOR through the same runner (HAZARD_RUNNER) the REST handlers use, so its
 * per-hazard lock orders system and user commands alike.
 *
 * A DomainError is an answer, not a failure: for the scheduler and the sagas it means "already done" or "no
 * longer applies" (the decider saw a later state than the rule did). Anything else (store unavailable,
 * conflicts beyond the retries) is thrown, and the caller tries again later.
 */
@Injectable()
export class SystemCommandSender {
  constructor(@Inject(HAZARD_RUNNER) private readonly runner: HazardRunner) {}

  async send(command: SystemCommand, context: RequestContext): Promise<SystemOutcome> {
    try {
      return { kind: 'recorded', result: hazardCommandResult(await this.runner.run(command, context)) };
    } catch (error) {
      if (error instanceof DomainError) return { kind: 'refused', code: error.code, message: error.message };
      throw error;
    }
  }
}
