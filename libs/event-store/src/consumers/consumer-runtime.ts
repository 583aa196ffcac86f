import type { Database } from 'better-sqlite3';
import { EventStore } from '../event-store.port';
import { CheckpointedConsumer, runConsumer, RunOptions } from './checkpointed-consumer';
import { consumerPosition } from './deferred-checkpoint';
import { keepConsuming } from './keep-consuming';

export interface ConsumerRuntimeOptions extends Omit<RunOptions, 'signal'> {
  /** Pause before a failed consumer starts again from its checkpoint. */
  readonly retryMs?: number;
  /** Told of each failure before the restart, with the checkpoint it restarts from. */
  readonly onError: (error: unknown, attempt: number, checkpoint: number) => void;
}

/**
 * One lifecycle for every consumer of the global log — the projector, the relay, each process manager:
 * start catches up from the checkpoint and follows live, a failure restarts it from the checkpoint after a
 * pause (never silently), stop lets the batch in hand commit, stores a deferred checkpoint, and resolves when the loop has ended.
 */
export class ConsumerRuntime {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly consumer: CheckpointedConsumer,
    private readonly options: ConsumerRuntimeOptions,
  ) {}

  start(): void {
    const { signal } = this.stopping;
    const retryMs = this.options.retryMs ?? 1000;
    this.running = keepConsuming(() => runConsumer(this.store, this.db, this.consumer, { ...this.options, signal }), {
      signal,
      retryMs,
      onError: (error, attempt) => this.options.onError(error, attempt, this.checkpoint()),
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  /**
   * Global position up to which this consumer has applied (and, with `handle`, delivered) every event: the
   * stored checkpoint, or further by the batches that changed nothing and whose checkpoint is deferred.
   */
  checkpoint(): number {
    return consumerPosition(this.db, this.consumer.name);
  }
}
