import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { EventStore, SqliteEventStore } from '@hazard/event-store';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const EVENT_STORE = Symbol('EVENT_STORE');

export const EVENTS_FILE = 'events.sqlite';

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): EventStore => {
    if (config.eventStore !== 'sqlite') {
      throw new Error(`EVENT_STORE=${config.eventStore} is not available in this build`);
    }
    mkdirSync(config.dataDir, { recursive: true });
    return SqliteEventStore.open({ file: join(config.dataDir, EVENTS_FILE) });
  },
};

/** Closes the store last, after in-flight commands have had their appends flushed. */
@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
