import { EventStore, SqliteEventStore } from '@hazard/event-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '../../api/src/config/app-config';
import { EVENTS_FILE } from '../../api/src/infrastructure/event-store.provider';

/** Opens the store the server uses (same DATA_DIR), refusing to create an empty one by mistake. */
export function openStore(config: AppConfig = loadConfig(process.env)): EventStore {
  const file = join(config.dataDir, EVENTS_FILE);
  if (!existsSync(file)) throw new Error(`no event store at ${file} (set DATA_DIR to the server's data directory)`);
  return SqliteEventStore.open({ file });
}
