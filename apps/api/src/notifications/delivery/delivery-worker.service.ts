import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { ConsumerRuntime, EventStore } from '@hazard/event-store';
import { AppConfig } from '@hazard/platform';
import { describeError } from '../../edge/errors/describe-error';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { PROCESSES_DB, PROCESSES_DEFER_CHECKPOINT_MS } from '../../processes/processes-db';
import { DeliveryLoop } from './delivery-loop';
import { NOTICE_RUNNER, NoticeRunner } from './notice-runner';
import { StreamOutcomeRecorder } from './notice-outcome-recorder';
import { ensureOutbox, outboxConsumer } from './notification-outbox';
import { NOTIFIER, Notifier } from './notifier.port';

/**
 * The delivery worker (DESIGN.md "Notifications and the escalation ladder"): a checkpointed consumer puts every
 * NotificationRequested into `notification_outbox` in processes.sqlite, in the transaction that moves its
 * checkpoint; the send loop delivers the due rows through the Notifier and records NotificationDelivered or
 * NotificationFailed on the notice stream.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly outbox: ConsumerRuntime;
  private readonly loop: DeliveryLoop;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PROCESSES_DB) db: Database,
    @Inject(NOTIFIER) notifier: Notifier,
    @Inject(NOTICE_RUNNER) runner: NoticeRunner,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    ensureOutbox(db);
    const { maxAttempts, retryBaseMs, timeoutMs } = config.notify;
    this.loop = new DeliveryLoop(db, notifier, new StreamOutcomeRecorder(store, runner), {
      maxAttempts,
      retryBaseMs,
      timeoutMs,
      timeZone: config.timeZone,
      onError: (message, error) => this.logger.error(`${message}: ${describeError(error)}`),
    });
    this.outbox = new ConsumerRuntime(store, db, outboxConsumer(), {
      deferCheckpointMs: PROCESSES_DEFER_CHECKPOINT_MS,
      onError: (error) => this.logger.error(`notification outbox failed, restarting from its checkpoint: ${describeError(error)}`),
      onCommitted: (applied) => {
        if (applied.length > 0) this.loop.wake();
      },
    });
  }

  onApplicationBootstrap(): void {
    this.outbox.start();
    this.loop.start();
  }

  /** Stops following the log and waits for the tries in flight (bounded by NOTIFY_TIMEOUT_MS): the store closes after this. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.outbox.stop(), this.loop.stop()]);
  }

  /** Global position up to which every NotificationRequested is in the outbox. */
  checkpoint(): number {
    return this.outbox.checkpoint();
  }
}
