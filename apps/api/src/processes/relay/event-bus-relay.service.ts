import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { Database } from 'better-sqlite3';
import { ConsumerRuntime, EventStore, RecordedEvent, StreamStateCache } from '@hazard/event-store';
import { describeError } from '../../edge/errors/describe-error';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { SagaCommandsInFlight } from '../escalation/saga-commands-in-flight';
import { PROCESSES_DB, PROCESSES_DEFER_CHECKPOINT_MS } from '../processes-db';
import { HazardStateCache, withHazardStates } from './hazard-states';

const BATCH_SIZE = 200;

/**
 * The only way events reach @nestjs/cqrs's EventBus: a durable subscription to the global log from its own
 * checkpoint in processes.sqlite. It keeps no state but that checkpoint.
 *
 * Guarantee — at-least-once delivery, effectively-once effects. For each batch: publish every event, wait
 * until the commands the sagas sent for them have finished (appended, answered from the stream, or refused
 * by the domain), and only then commit the checkpoint (the consumer's `handle`, then its transaction). A
 * crash anywhere before that commit redelivers the batch after restart; the sagas send the same commands
 * again under the same deterministic commandIds, and the event store keeps each once. The reverse order
 * (checkpoint, then publish) would lose the commands of a crash in between. A command that fails for a
 * reason other than a domain refusal (store unavailable) fails the batch: no checkpoint, the relay restarts
 * from the last one after a pause.
 *
 * A batch for which no saga sent a command (most events: a saga acts on a few types) has its checkpoint
 * deferred: redelivered after a crash, it again asks for nothing. A batch that sent any commits at once.
 *
 * Several relays may share a DATA_DIR (and so this checkpoint); each may publish a batch the other is also
 * publishing, which is harmless for the same reason.
 */
@Injectable()
export class EventBusRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventBusRelay.name);
  private readonly runtime: ConsumerRuntime;
  // Each hazard's state after the last event published, so a batch folds only its own events.
  private readonly states: HazardStateCache = new StreamStateCache(10_000);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESSES_DB) db: Database,
    private readonly eventBus: EventBus,
    private readonly inFlight: SagaCommandsInFlight,
  ) {
    const consumer = { name: 'event-bus-relay', apply: () => undefined, handle: (batch: readonly RecordedEvent[]) => this.deliver(batch) };
    this.runtime = new ConsumerRuntime(store, db, consumer, {
      batchSize: BATCH_SIZE,
      deferCheckpointMs: PROCESSES_DEFER_CHECKPOINT_MS,
      onError: (error) => this.logger.error(`event-bus relay failed, restarting from its checkpoint in 1000 ms: ${describeError(error)}`),
    });
  }

  /** Runs after CqrsModule's own bootstrap (it is imported deeper) has registered the sagas. */
  onApplicationBootstrap(): void {
    this.runtime.start();
  }

  /** Runs before the EventBus unsubscribes its sagas; waits for the batch in hand to be delivered. */
  onModuleDestroy(): Promise<void> {
    return this.runtime.stop();
  }

  /** Global position up to which every event has been published and its saga commands have finished. */
  checkpoint(): number {
    return this.runtime.checkpoint();
  }

  /** False when no saga sent a command for the batch: its checkpoint may then be deferred (runConsumer). */
  private async deliver(batch: readonly RecordedEvent[]): Promise<boolean> {
    for (const message of await withHazardStates(this.store, batch, this.states)) this.eventBus.publish(message);
    return (await this.inFlight.settled()) > 0;
  }
}
