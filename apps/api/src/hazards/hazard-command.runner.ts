import { Inject, Injectable } from '@nestjs/common';
import { authorize, decide, evolve, HazardCommand, HazardState, initialState, schemaVersionOf, streamIdFor } from '@hazard/domain';
import { EventStore, handleCommand } from '@hazard/event-store';
import { CLOCK, Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { KeyedLock } from '../infrastructure/keyed-lock';
import { upcastHazardEvent } from './hazard-upcaster';
import { RequestContext } from './request-context';

/** API.md's command response. */
export interface HazardCommandResult {
  readonly hazardId: string;
  readonly status: string;
  readonly occurrence: number;
  readonly revision: number;
  readonly position: number;
  readonly foundAgain?: boolean;
}

type Unstamped = HazardCommand extends infer C ? (C extends HazardCommand ? Omit<C, 'now' | 'actor'> : never) : never;

const hazardDecider = { decide, evolve, initialState };

/** The command path shared by every use case: stamp time and actor, then read → authorize → decide → append. */
@Injectable()
export class HazardCommandRunner {
  private readonly lock = new KeyedLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  run(unstamped: Unstamped, context: RequestContext): Promise<HazardCommandResult> {
    return this.lock.run(unstamped.hazardId, async () => {
      const now = this.clock.now().toISOString();
      const command = { ...unstamped, now, actor: context.actor } as HazardCommand;
      const outcome = await handleCommand(this.store, streamIdFor(command.hazardId), hazardDecider, command, {
        commandId: context.commandId,
        correlationId: context.correlationId,
        causationId: context.causationId,
        actor: context.actor,
        occurredAt: now,
      }, { expectedRevision: context.ifMatch, authorize, schemaVersionOf, upcast: upcastHazardEvent });
      return resultOf(command.hazardId, outcome.state, outcome.revision, outcome.position, outcome.events);
    });
  }
}

function resultOf(hazardId: string, state: HazardState, revision: number, position: number, events: readonly { type: string }[]): HazardCommandResult {
  if (!state.exists) throw new Error(`hazard ${hazardId} has no state after a successful command`);
  const foundAgain = events.some((e) => e.type === 'HazardFoundAgain');
  return {
    hazardId,
    status: state.status,
    occurrence: state.occurrence,
    revision,
    position,
    ...(events.some((e) => e.type === 'HazardFound' || e.type === 'HazardFoundAgain') ? { foundAgain } : {}),
  };
}
