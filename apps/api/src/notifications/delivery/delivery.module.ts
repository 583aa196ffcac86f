import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { AppConfig } from '@hazard/platform';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { openProcessesDb, PROCESSES_DB } from '../../processes/processes-db';
import { notifierFor } from './channel-notifier';
import { DeliveryWorker } from './delivery-worker.service';
import { NOTICE_RUNNER, noticeRunnerProviders } from './notice-runner';
import { NOTIFIER, Notifier } from './notifier.port';

/**
 * The delivery of notices: NOTICE_RUNNER (exported: the ladder records its requests through the same runner),
 * the Notifier of the configured channels and the DeliveryWorker. Its own connection to DATA_DIR/processes.sqlite
 * (WAL, busy timeout), as ProcessesModule keeps PROCESSES_DB to itself.
 */
@Module({
  providers: [
    ...noticeRunnerProviders,
    { provide: PROCESSES_DB, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openProcessesDb(config.dataDir) },
    { provide: NOTIFIER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => notifierFor(config) },
    DeliveryWorker,
  ],
  exports: [NOTICE_RUNNER, DeliveryWorker],
})
export class DeliveryModule implements OnApplicationShutdown {
  constructor(
    @Inject(PROCESSES_DB) private readonly db: Database,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  /** After the worker's onModuleDestroy has stopped the loops that use them. */
  onApplicationShutdown(): void {
    this.notifier.close?.();
    this.db.close();
  }
}
