import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { EventStore, RecordedEvent } from '@hazard/event-store';
import { hazardIdOf, keepConsuming, readCheckpoint, readModelConsumer, runConsumer } from '@hazard/projections';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { ProjectedChange, ProjectionEvents } from './projection-events';
import { READ_MODELS_DB } from './read-models.provider';

/** Events per read-model transaction during catch-up; live events commit as they come. */
const BATCH_SIZE = 500;
/** Pause before a failed projector starts again from its checkpoint. */
const RETRY_MS = 1000;

/**
 * Keeps this replica's read models in step with the global log: from the checkpoint (catch-up, then live),
 * each batch and its checkpoint in one transaction, then tells ProjectionEvents (read-your-writes, SSE).
 * It only updates read models: events reach the cqrs EventBus through the scheduler's own relay.
 */
@Injectable()
export class Projector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Projector.name);
  private readonly stop = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS_DB) private readonly db: Database,
    private readonly events: ProjectionEvents,
  ) {}

  onApplicationBootstrap(): void {
    // What the read models already hold (from before a restart) is readable at once.
    this.events.committed([], this.checkpoint());
    const { signal } = this.stop;
    this.running = keepConsuming(
      () => runConsumer(this.store, this.db, readModelConsumer, { signal, batchSize: BATCH_SIZE, onCommitted: (applied, position) => this.committed(applied, position) }),
      {
        signal,
        retryMs: RETRY_MS,
        onError: (error, attempt) =>
          this.logger.error(`projector failed (attempt ${attempt}), restarting from position ${this.checkpoint()} in ${RETRY_MS} ms: ${describe(error)}`),
      },
    );
  }

  /** Before the store and the database close: stop, and let the batch in hand commit. */
  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  /** Global position up to which the read models are up to date. */
  checkpoint(): number {
    return readCheckpoint(this.db, readModelConsumer.name);
  }

  private committed(applied: readonly RecordedEvent[], position: number): void {
    const changes: ProjectedChange[] = [];
    for (const e of applied) {
      const hazardId = hazardIdOf(e);
      if (hazardId) changes.push({ position: e.position, hazardId, type: e.type, occurredAt: e.metadata.occurredAt });
    }
    this.events.committed(changes, position);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
