import { EventStore } from '@hazard/event-store';
import { AppConfig, loadConfig, openEventStore } from '@hazard/platform';

/** Opens the store the server uses, chosen by the same configuration; for SQLite it never creates an empty one. */
export function openStore(config: AppConfig = loadConfig(process.env)): EventStore {
  return openEventStore(config, { mustExist: true });
}
