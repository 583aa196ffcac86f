import type { Actor, Aggregate, DomainMessage, StampedCommand, Unstamped } from '@hazard/domain';
import { EventStore } from '../event-store.port';
import { CommandOutcome, CommandStateCache, handleCommand } from './handle-command';
import { StreamStateCache } from './stream-state-cache';
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

/** One finished command, as the runner saw it: for metrics, without tying this lib to a metrics library. */
export interface CommandObservation {
  /** The command's `type`. */
  readonly command: string;
  /** From the call to the settled outcome, waiting for the stream's lock included. */
  readonly seconds: number;
  /** Set when the command succeeded: the types of the events it recorded (none when `replayed`, a retry). */
  readonly outcome?: { readonly eventTypes: readonly string[]; readonly replayed: boolean };
  /** Set when it was refused or failed; the observer classifies it. */
  readonly error?: unknown;
}

/** Told of every command the runner settles; must not throw (a thrown error is ignored). */
export type CommandObserver = (observation: CommandObservation) => void;

export interface AggregateCommandRunnerOptions {
  readonly maxAttempts?: number;
  readonly observer?: CommandObserver;
  /** Streams whose folded state is kept between commands (least recently used dropped first). */
  readonly cachedStreams?: number;
}

/**
 * The one command path of every aggregate: stamp time and actor, then read → decode → fold → authorize →
 * decide → append (handleCommand). Commands on one stream queue behind each other in this process instead of
 * racing to the store; a writer in another process is still caught by the expected revision.
 */
export class AggregateCommandRunner<C extends StampedCommand, E extends DomainMessage, S> {
  private readonly lock = new KeyedLock();
  // A command folds only the events after the state the last command on its stream left (checked against
  // the store first, so a writer in another process is seen): a long history costs one short read.
  private readonly cache: CommandStateCache<S>;

  constructor(
    private readonly store: EventStore,
    private readonly aggregate: Aggregate<C, E, S>,
    private readonly now: () => Date,
    private readonly options: AggregateCommandRunnerOptions = {},
  ) {
    this.cache = new StreamStateCache(options.cachedStreams ?? 10_000);
  }

  async run(unstamped: Unstamped<C>, context: CommandContext): Promise<AggregateOutcome<E, S>> {
    const observer = this.options.observer;
    if (!observer) return this.runLocked(unstamped, context);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const outcome = await this.runLocked(unstamped, context);
      const eventTypes = outcome.replayed ? [] : outcome.events.map((e) => e.type);
      notify(observer, { command: unstamped.type, seconds: seconds(), outcome: { eventTypes, replayed: outcome.replayed } });
      return outcome;
    } catch (error) {
      notify(observer, { command: unstamped.type, seconds: seconds(), error });
      throw error;
    }
  }

  private runLocked(unstamped: Unstamped<C>, context: CommandContext): Promise<AggregateOutcome<E, S>> {
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
        cache: this.cache,
      });
      return { ...outcome, id };
    });
  }
}

function notify(observer: CommandObserver, observation: CommandObservation): void {
  try {
    observer(observation);
  } catch {
    // A broken metric must not turn a recorded command into a failed request.
  }
}
