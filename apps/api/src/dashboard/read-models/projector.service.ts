import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { hazardDecoder } from '@hazard/domain';
import { ConsumerRuntime, EventStore, RecordedEvent } from '@hazard/event-store';
import { hazardReadFacts, readModelConsumer } from '@hazard/projections';
import { describeError } from '../../edge/errors/describe-error';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { ProjectedChange, ProjectionEvents } from './projection-events';
import { READ_MODELS_DB } from './read-models.provider';

/** Events per read-model transaction during catch-up; live events commit as they come. */
const BATCH_SIZE = 500;

/**
 * Keeps this replica's read models in step with the global log: from the checkpoint (catch-up, then live),
 * each batch and its checkpoint in one transaction, then tells ProjectionEvents (read-your-writes, SSE).
 * It only updates read models: events reach the cqrs EventBus through the processes' own relay.
 */
@Injectable()
export class Projector implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(Projector.name);
  private readonly runtime: ConsumerRuntime;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODELS_DB) private readonly db: Database,
    private readonly events: ProjectionEvents,
  ) {
    this.runtime = new ConsumerRuntime(store, db, readModelConsumer, {
      batchSize: BATCH_SIZE,
      onCommitted: (applied, position) => this.committed(applied, position),
      onError: (error, attempt, checkpoint) =>
        this.logger.error(`projector failed (attempt ${attempt}), restarting from position ${checkpoint} in 1000 ms: ${describeError(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    // What the read models already hold (from before a restart) is readable at once.
    this.events.committed([], this.checkpoint());
    this.runtime.start();
  }

  /** Before the store and the database close: stop, and let the batch in hand commit. */
  onModuleDestroy(): Promise<void> {
    return this.runtime.stop();
  }

  /** Global position up to which the read models are up to date. */
  checkpoint(): number {
    return this.runtime.checkpoint();
  }

  /**
   * Tells ProjectionEvents; when a `/stream` listens, each change carries what the read-scope rule needs of its
   * hazard, looked up now, before the next batch: the hazard as it stands after the batch. The rule only ever
   * widens (sector and region stay, responsible units and self-reports are added), so whoever may read it now may
   * read every change of the batch in its history anyway.
   */
  private committed(applied: readonly RecordedEvent[], position: number): void {
    if (!this.events.observed) return this.events.committed([], position); // nobody to tell about the changes
    const hazardIds = applied.map((e) => hazardDecoder.idOf(e.streamId));
    const facts = hazardReadFacts(this.db, hazardIds.filter((id): id is string => id !== undefined));
    const changes: ProjectedChange[] = [];
    applied.forEach((e, i) => {
      const hazardId = hazardIds[i];
      if (hazardId) changes.push({ position: e.position, hazardId, type: e.type, occurredAt: e.metadata.occurredAt, readable: facts.get(hazardId) });
    });
    this.events.committed(changes, position);
  }
}
