import { join } from 'node:path';
import type { RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { EVENTS_PER_COMMAND } from '../testing/crash-append-driver';
import { appendUntilKilled, readWholeLog, tornCommands } from '../testing/crash-run';
import { createTestSchema, describeWithPostgres, type TestSchema } from './testing/postgres-test-env';
import { PrivateCluster } from './testing/private-cluster';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DRIVER = join(__dirname, '..', 'testing', 'crash-append-driver.ts');
/** The driver run from the TypeScript source, as the benchmarks run theirs. */
const driverArgs = (url: string, runId: string) => ['-r', join(ROOT, 'bench', 'register.js'), DRIVER, url, runId];

/** Every way the log could be torn, as readable messages; an intact log yields none. PostgreSQL's positions have no holes either. */
function tornLog(events: readonly RecordedEvent[], acked: readonly string[]): string[] {
  const holes = events.flatMap((event, index) => (event.position === index + 1 ? [] : [`position ${event.position} at index ${index}: the log has a hole`]));
  return [...holes, ...tornCommands(events, acked)];
}

describeWithPostgres('PostgresEventStore under SIGKILL of its process', (baseUrl) => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema(baseUrl);
  });
  afterAll(() => schema.drop());

  it('keeps every acknowledged command and never a torn one, kill after kill', async () => {
    const acked: string[] = [];
    for (const run of [1, 2]) {
      acked.push(...(await appendUntilKilled(driverArgs(schema.url, `run${run}`), { extraAcks: 250, cwd: ROOT })));

      const events = await readWholeLog(PostgresEventStore.open({ connectionString: schema.url }));

      expect(tornLog(events, acked)).toEqual([]);
      expect(events.length).toBeGreaterThanOrEqual(acked.length * EVENTS_PER_COMMAND);
    }
  });
});

/**
 * The server itself killed mid-append, all its processes at once, with synchronous_commit=off as the server's
 * default: the store sets it on for its own transactions, so what it acknowledged was in the WAL on disk.
 */
describeWithPostgres('PostgresEventStore when the PostgreSQL server is SIGKILLed', () => {
  let cluster: PrivateCluster;
  beforeAll(async () => {
    const bin = process.env['PG_TEST_BIN'];
    if (!bin) throw new Error('PG_TEST_BIN is not set: run under scripts/with-postgres.sh, which sets it to the PostgreSQL binaries');
    cluster = await PrivateCluster.create(bin, ['synchronous_commit=off', 'wal_writer_delay=1000ms']);
  }, 60_000);
  afterAll(() => cluster?.remove());

  it('keeps every acknowledged command and never a torn one across crash recovery', async () => {
    const acked = await appendUntilKilled(driverArgs(cluster.url, 'server-crash'), { extraAcks: 250, cwd: ROOT, crash: () => cluster.killAll() });
    await cluster.start();

    const events = await readWholeLog(PostgresEventStore.open({ connectionString: cluster.url }));

    expect(tornLog(events, acked)).toEqual([]);
    expect(events.length).toBeGreaterThanOrEqual(acked.length * EVENTS_PER_COMMAND);
  }, 60_000);
});
