import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '@hazard/platform';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { API_DB_FILE, IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency.store';

/** The Idempotency-Key memory (DATA_DIR/api.sqlite) that every command controller's interceptor uses. */
@Global()
@Module({
  providers: [{ provide: IDEMPOTENCY_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new IdempotencyStore(join(config.dataDir, API_DB_FILE)) }],
  exports: [IDEMPOTENCY_STORE],
})
export class IdempotencyModule implements OnApplicationShutdown {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}
