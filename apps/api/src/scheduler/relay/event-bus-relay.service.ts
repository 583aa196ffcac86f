import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { Database } from 'better-sqlite3';
import { EventStore, RecordedEvent } from '@hazard/event-store';
import { CheckpointedConsumer, commitBatch, readCheckpoint } from '@hazard/projections';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { SagaCommandsInFlight } from '../escalation/saga-commands-in-flight';
import { keepRunning } from '../keep-running';
import { PROCESSES_DB } from '../processes-db';
import { withHazardStates } from './hazard-states';
import { inBatches } from '@hazard/projections';

/** The relay keeps no state but its checkpoint. */
const relayCheckpoint: CheckpointedConsumer = { name: 'event-bus-relay', apply: () => undefined };

const BATCH_SIZE = 200;

/**
 * The only way events reach @nestjs/cqrs's EventBus: a durable subscription to the global log from its own
 * checkpoint in processes.sqlite.
 *
 * Guarantee — at-least-once delivery, effectively-once effects. For each batch: publish every event, wait
 * until the commands the sagas sent for them have finished (appended, answered from the stream, or refused
 * by the domain), and only then commit the checkpoint. A crash anywhere before that commit redelivers the
 * batch after restart; the sagas send the same commands again under the same deterministic commandIds, and
 * the event store keeps each once. The reverse order (checkpoint, then publish) would lose the commands of a
 * crash in between. A command that fails for a reason other than a domain refusal (store unavailable) fails
 * the batch: no checkpoint, the relay restarts from the last one after a pause.
 *
 * Several relays may share a DATA_DIR (and so this checkpoint); each may publish a batch the other is also
 * publishing, which is harmless for the same reason.
 */
@Injectable()
export class EventBusRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventBusRelay.name);
  private readonly stop = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESSES_DB) private readonly db: Database,
    private readonly eventBus: EventBus,
    private readonly inFlight: SagaCommandsInFlight,
  ) {}

  /** Runs after CqrsModule's own bootstrap (it is imported deeper) has registered the sagas. */
  onApplicationBootstrap(): void {
    this.running = keepRunning('event-bus relay', () => this.relay(this.stop.signal), this.stop.signal, this.logger);
  }

  /** Runs before the EventBus unsubscribes its sagas; waits for the batch in hand to be delivered. */
  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  /** Global position up to which every event has been published and its saga commands have finished. */
  checkpoint(): number {
    return readCheckpoint(this.db, relayCheckpoint.name);
  }

  private async relay(stop: AbortSignal): Promise<void> {
    // One subscription per attempt, ended when the attempt fails as well as when the app closes.
    const attempt = new AbortController();
    const end = () => attempt.abort();
    stop.addEventListener('abort', end, { once: true });
    try {
      const subscription = this.store.subscribeToAll({ after: this.checkpoint(), signal: attempt.signal });
      for await (const batch of inBatches(subscription, BATCH_SIZE)) {
        if (stop.aborted) return; // undelivered: the next start picks it up from the checkpoint
        await this.deliver(batch);
      }
    } finally {
      stop.removeEventListener('abort', end);
      end();
    }
  }

  private async deliver(batch: readonly RecordedEvent[]): Promise<void> {
    const checkpoint = this.checkpoint();
    const fresh = batch.filter((e) => e.position > checkpoint); // another relay on this DATA_DIR may be ahead
    if (fresh.length === 0) return;
    for (const message of await withHazardStates(this.store, fresh)) this.eventBus.publish(message);
    await this.inFlight.settled();
    commitBatch(this.db, relayCheckpoint, fresh);
  }
}
