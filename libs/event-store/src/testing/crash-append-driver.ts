/**
 * Child process of the crash tests (`sqlite-crash.int-spec.ts`, `postgres-crash.int-spec.ts`), killed with
 * SIGKILL at a random moment. Many clients append multi-event commands at once (so group commit batches them)
 * to a few shared streams, and each prints `ack <commandId>` only after its append resolved: every acked
 * command must survive the kill.
 *
 * Usage: node crash-append-driver.js <SQLite file | postgres:// URL> <run id>
 */
import type { EventStore } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { commandEvents } from './event-builders';

export const EVENTS_PER_COMMAND = 5;
const STREAMS = 8;
const CLIENTS = 32;

async function runClient(store: EventStore, runId: string, client: number): Promise<void> {
  for (let n = 0; ; n++) {
    const commandId = `${runId}-${client}-${n}`;
    const streamId = `crash-${(client + n) % STREAMS}`;
    await store.append(streamId, commandEvents(commandId, EVENTS_PER_COMMAND), { expectedRevision: 'any' });
    // Synchronous on a pipe under Linux: once this returns the parent can read the ack, even after a kill.
    process.stdout.write(`ack ${commandId}\n`);
  }
}

if (require.main === module) {
  const [target, runId] = process.argv.slice(2);
  if (!target || !runId) throw new Error('usage: crash-append-driver <SQLite file | postgres:// URL> <run id>');
  const store = /^postgres(ql)?:\/\//.test(target) ? PostgresEventStore.open({ connectionString: target }) : SqliteEventStore.open({ file: target });
  for (let client = 0; client < CLIENTS; client++) {
    runClient(store, runId, client).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  }
}
