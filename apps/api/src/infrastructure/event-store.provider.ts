import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { EventStore } from '@hazard/event-store';
import { AppConfig, openEventStore } from '@hazard/platform';
import { Metrics } from '../metrics/metrics';
import { APP_CONFIG } from './config.module';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The store the configuration names, opened by the same code as the CLI's (`@hazard/platform`). */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG, { token: Metrics, optional: true }],
  useFactory: (config: AppConfig, metrics?: Metrics): EventStore => openEventStore(config, { onGroupCommit: metrics?.observeGroupCommit }),
};

/** Closes the store last, after in-flight commands have had their appends flushed. */
@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
