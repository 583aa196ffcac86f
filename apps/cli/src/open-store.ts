import { EventStore, SqliteEventStore } from '@hazard/event-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '../../api/src/config/app-config';
import { connectEventStoreDb, EVENTS_FILE } from '../../api/src/infrastructure/event-store.provider';

/**
 * Opens the store the server uses, chosen by the same configuration (EVENT_STORE, DATA_DIR,
 * ESDB_CONNECTION_STRING). For SQLite it refuses to create an empty store by mistake.
 */
export function openStore(config: AppConfig = loadConfig(process.env)): EventStore {
  if (config.eventStore === 'eventstoredb') return connectEventStoreDb(config);
  const file = join(config.dataDir, EVENTS_FILE);
  if (!existsSync(file)) throw new Error(`no event store at ${file} (set DATA_DIR to the server's data directory)`);
  return SqliteEventStore.open({ file });
}
