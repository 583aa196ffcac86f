import { EventStore, EventStoreDbEventStore, InvalidConnectionStringError, PostgresEventStore, SqliteEventStore } from '@hazard/event-store';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError } from '../config/app-config';
import { createPrivateFile, makePrivateDir } from './private-files';

/** The SQLite event store's file in DATA_DIR. */
export const EVENTS_FILE = 'events.sqlite';

export interface OpenEventStoreOptions {
  /**
   * For tools that read an existing ledger (the CLI): refuse to create an empty SQLite store by mistake, as a
   * wrong DATA_DIR would, and say where it looked.
   */
  readonly mustExist?: boolean;
  /** The SQLite and PostgreSQL stores' group-commit batch sizes, for the server's metrics (EventStoreDB has no such batches). */
  readonly onGroupCommit?: (appends: number) => void;
}

/** The store the configuration names (EVENT_STORE, DATA_DIR, ESDB_CONNECTION_STRING, DATABASE_URL), for the server and the CLI alike. */
export function openEventStore(config: AppConfig, options: OpenEventStoreOptions = {}): EventStore {
  if (config.eventStore === 'eventstoredb') return connectEventStoreDb(config);
  if (config.eventStore === 'postgres') return connectPostgres(config, options);
  const file = join(config.dataDir, EVENTS_FILE);
  if (options.mustExist && !existsSync(file)) throw new Error(`no event store at ${file} (set DATA_DIR to the server's data directory)`);
  createPrivateFile(file);
  return SqliteEventStore.open({ file, onGroupCommit: options.onGroupCommit });
}

/**
 * A connection string the client cannot parse stops start-up, naming the variable. A parseable one whose
 * servers cannot be reached does not: the client connects on first use, so the app starts, `/health` answers
 * 503 until a node answers, and commands get 503 with Retry-After meanwhile.
 */
export function connectEventStoreDb(config: AppConfig): EventStore {
  // DATA_DIR still holds this replica's own state (read models, idempotency memory, generated secret).
  makePrivateDir(config.dataDir);
  try {
    return EventStoreDbEventStore.connect(config.esdbConnectionString ?? '');
  } catch (error) {
    if (!(error instanceof InvalidConnectionStringError)) throw error;
    throw new ConfigError('ESDB_CONNECTION_STRING', `is not a valid EventStoreDB connection string: ${error.message}`);
  }
}

/**
 * Like EventStoreDB: DATABASE_URL was checked by loadConfig, and an unreachable server does not stop
 * start-up — the pool connects on first use, `/health` answers 503 and commands get 503 with Retry-After
 * until the server answers; the schema is created by the first call that reaches it.
 */
export function connectPostgres(config: AppConfig, options: OpenEventStoreOptions = {}): EventStore {
  // DATA_DIR still holds this replica's own state (read models, idempotency memory, generated secret).
  makePrivateDir(config.dataDir);
  return PostgresEventStore.open({ connectionString: config.databaseUrl ?? '', onGroupCommit: options.onGroupCommit });
}
