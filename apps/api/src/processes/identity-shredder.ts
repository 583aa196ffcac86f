import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { tipDecoder } from '@hazard/domain';
import { ConsumerRuntime, EventStore, RecordedEvent } from '@hazard/event-store';
import { ReporterVault } from '@hazard/platform';
import { describeError } from '../edge/errors/describe-error';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { REPORTER_VAULT, reporterKeyRef } from '../tips/reporter-vault.provider';
import { PROCESSES_DB, PROCESSES_DEFER_CHECKPOINT_MS } from './processes-db';

/**
 * Finishes every erasure: for each ReporterIdentityErased on the log, the tip's data key is destroyed. The
 * request destroys it at once; this consumer covers a crash between the event and the destruction, at the
 * next start, from its checkpoint. Destroying an absent key is a no-op, so redelivery is harmless.
 */
@Injectable()
export class IdentityShredder implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdentityShredder.name);
  private readonly runtime: ConsumerRuntime;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROCESSES_DB) db: Database,
    @Inject(REPORTER_VAULT) private readonly vault: ReporterVault,
  ) {
    const consumer = { name: 'identity-shredder', apply: () => undefined, handle: (batch: readonly RecordedEvent[]) => this.shred(batch) };
    this.runtime = new ConsumerRuntime(store, db, consumer, {
      deferCheckpointMs: PROCESSES_DEFER_CHECKPOINT_MS,
      onError: (error) => this.logger.error(`identity shredder failed, restarting from its checkpoint: ${describeError(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.runtime.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.runtime.stop();
  }

  /** False for a batch without an erasure: its checkpoint may then be deferred (runConsumer). */
  private async shred(batch: readonly RecordedEvent[]): Promise<boolean> {
    const erasures = batch.filter((e) => e.type === 'ReporterIdentityErased' && tipDecoder.idOf(e.streamId));
    for (const erased of erasures) {
      const tipId = tipDecoder.idOf(erased.streamId)!;
      const received = (await this.store.readStream(erased.streamId, { maxCount: 1 }))[0];
      const codeHash = (received?.data as { codeHash?: string } | undefined)?.codeHash;
      if (codeHash) this.vault.shred(reporterKeyRef(tipId, codeHash));
    }
    return erasures.length > 0;
  }
}
