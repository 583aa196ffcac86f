/**
 * Child process of `postgres-crash.int-spec.ts`, killed with SIGKILL at a random moment. Many clients append
 * multi-event commands at once (so group commit batches them) to a few shared streams, and each prints
 * `ack <commandId>` only after its append resolved: every acked command must survive the kill.
 *
 * Usage: node -r ./bench/register.js postgres-crash-append-driver.ts <connection string> <run id>
 */
import { commandEvents } from '../../testing/event-builders';
import { PostgresEventStore } from '../postgres-event-store';

export const EVENTS_PER_COMMAND = 5;
const STREAMS = 8;
const CLIENTS = 32;

async function runClient(store: PostgresEventStore, runId: string, client: number): Promise<void> {
  for (let n = 0; ; n++) {
    const commandId = `${runId}-${client}-${n}`;
    const streamId = `crash-${(client + n) % STREAMS}`;
    await store.append(streamId, commandEvents(commandId, EVENTS_PER_COMMAND), { expectedRevision: 'any' });
    // Synchronous on a pipe under Linux: once this returns the parent can read the ack, even after a kill.
    process.stdout.write(`ack ${commandId}\n`);
  }
}

if (require.main === module) {
  const [connectionString, runId] = process.argv.slice(2);
  if (!connectionString || !runId) throw new Error('usage: postgres-crash-append-driver <connection string> <run id>');
  const store = PostgresEventStore.open({ connectionString });
  for (let client = 0; client < CLIENTS; client++) {
    runClient(store, runId, client).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  }
}
