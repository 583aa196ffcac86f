import { Inject, Injectable } from '@nestjs/common';
import { DomainError, HazardCommand, SYSTEM_ACTOR, Unstamped } from '@hazard/domain';
import { v5 as uuidv5 } from 'uuid';
import { RequestContext } from '../edge/request-context/request-context';
import { HazardCommandResult, hazardCommandResult } from '../hazards/hazard-command-result';
import { HAZARD_RUNNER, HazardRunner } from '../hazards/hazard-use-case';

/** A hazard command as the runner takes it: without `now` and `actor`, which it stamps. */
export type SystemCommand = Unstamped<HazardCommand>;

/** What a system command came to: recorded (or already recorded by this commandId), or refused by the domain. */
export type SystemOutcome =
  | { readonly kind: 'recorded'; readonly result: HazardCommandResult }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

/** Fixed namespace: the same cause yields the same commandId in every process and after every restart. */
const SYSTEM_COMMAND_NAMESPACE = '5d0c6a7e-3b1f-4f0a-8e2d-9c4b7a1e6f30';

/** A deterministic commandId, so the event store dedupes a command the system sends twice. */
export function systemCommandId(...parts: readonly (string | number)[]): string {
  return uuidv5(parts.join('\n'), SYSTEM_COMMAND_NAMESPACE);
}

/** The context of a command the system sends because of an earlier event (its cause). */
export function systemContext(commandId: string, cause: { readonly eventId: string; readonly correlationId: string }): RequestContext {
  return { actor: SYSTEM_ACTOR, commandId, correlationId: cause.correlationId, causationId: cause.eventId };
}

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
