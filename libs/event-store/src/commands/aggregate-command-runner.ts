import type { Actor, Aggregate, DomainMessage, StampedCommand, Unstamped } from '@hazard/domain';
import { EventStore } from '../event-store.port';
import { CommandOutcome, handleCommand } from './handle-command';
import { KeyedLock } from './keyed-lock';

/** What the edge (a request, or the system acting on an earlier event) knows about a command. */
export interface CommandContext {
  readonly actor: Actor;
  /** Derived from Idempotency-Key when given, so a retried request is the same command. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** If-Match: the revision the client last saw. */
  readonly ifMatch?: number;
}

export interface AggregateOutcome<E, S> extends CommandOutcome<E, S> {
  /** The aggregate instance the command was for. */
  readonly id: string;
}

/**
 * The one command path of every aggregate: stamp time and actor, then read → decode → fold → authorize →
 * decide → append (handleCommand). Commands on one stream queue behind each other in this process instead of
 * racing to the store; a writer in another process is still caught by the expected revision.
 */
export class AggregateCommandRunner<C extends StampedCommand, E extends DomainMessage, S> {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly store: EventStore,
    private readonly aggregate: Aggregate<C, E, S>,
    private readonly now: () => Date,
    private readonly options: { readonly maxAttempts?: number } = {},
  ) {}

  run(unstamped: Unstamped<C>, context: CommandContext): Promise<AggregateOutcome<E, S>> {
    const { decider, decoder } = this.aggregate;
    const id = this.aggregate.idOf(unstamped);
    const streamId = decoder.streamIdFor(id);
    return this.lock.run(streamId, async () => {
      const now = this.now().toISOString();
      const command = { ...unstamped, now, actor: context.actor, commandId: context.commandId } as unknown as C;
      const envelope = { commandId: context.commandId, correlationId: context.correlationId, causationId: context.causationId, actor: context.actor, occurredAt: now };
      const outcome = await handleCommand(this.store, streamId, decider, command, envelope, {
        expectedRevision: context.ifMatch,
        maxAttempts: this.options.maxAttempts,
        authorize: (c, state) => this.aggregate.authorize(c, state),
        schemaVersionOf: (type) => this.aggregate.schemaVersionOf(type),
        decode: (stored) => decoder.decode(stored),
      });
      return { ...outcome, id };
    });
  }
}
