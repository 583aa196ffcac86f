import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { EventStore, EventStoreDbEventStore, InvalidConnectionStringError, SqliteEventStore } from '@hazard/event-store';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

export const EVENT_STORE = Symbol('EVENT_STORE');

export const EVENTS_FILE = 'events.sqlite';

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): EventStore => {
    if (config.eventStore === 'eventstoredb') return connectEventStoreDb(config);
    mkdirSync(config.dataDir, { recursive: true });
    return SqliteEventStore.open({ file: join(config.dataDir, EVENTS_FILE) });
  },
};

/**
 * A connection string the client cannot parse stops start-up, naming the variable. A parseable one whose
 * servers cannot be reached does not: the client connects on first use, so the app starts, `/health` answers
 * 503 until a node answers, and commands get 503 with Retry-After meanwhile.
 */
export function connectEventStoreDb(config: AppConfig): EventStore {
  // DATA_DIR still holds this replica's own state (read models, idempotency memory, generated secret).
  mkdirSync(config.dataDir, { recursive: true });
  try {
    return EventStoreDbEventStore.connect(config.esdbConnectionString ?? '');
  } catch (error) {
    if (!(error instanceof InvalidConnectionStringError)) throw error;
    throw new ConfigError('ESDB_CONNECTION_STRING', `is not a valid EventStoreDB connection string: ${error.message}`);
  }
}

/** Closes the store last, after in-flight commands have had their appends flushed. */
@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
