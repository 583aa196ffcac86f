import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { IDEMPOTENCY_STORE } from '../hazards/idempotency.interceptor';
import { CLOCK } from './clock';
import { EventStoreCloser, EVENT_STORE, eventStoreProvider } from './event-store.provider';
import { IdempotencyStore } from './idempotency.store';

export const API_DB_FILE = 'api.sqlite';

/** Shared adapters: the event store, the clock and the idempotency memory. The clock is provided by AppModule. */
@Global()
@Module({
  providers: [
    eventStoreProvider,
    EventStoreCloser,
    {
      provide: IDEMPOTENCY_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new IdempotencyStore(join(config.dataDir, API_DB_FILE)),
    },
  ],
  exports: [EVENT_STORE, IDEMPOTENCY_STORE],
})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore) {}

  onApplicationShutdown(): void {
    this.idempotency.close();
  }
}

