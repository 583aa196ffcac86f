import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RecordedEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { EVENTS_PER_COMMAND } from '../testing/crash-append-driver';
import { createTestSchema, describeWithPostgres, type TestSchema } from './testing/postgres-test-env';
import { PrivateCluster } from './testing/private-cluster';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DRIVER = join(__dirname, '..', 'testing', 'crash-append-driver.ts');

/**
 * Runs the driver until it has acked a random number of commands, then calls `crash` (default: SIGKILL the
 * driver) and returns every ack the driver printed before it ended.
 */
async function appendUntilKilled(url: string, runId: string, crash?: () => Promise<void>): Promise<string[]> {
  const child = spawn(process.execPath, ['-r', join(ROOT, 'bench', 'register.js'), DRIVER, url, runId], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let stderr = '';
  let partialLine = '';
  const killAfterAcks = 50 + Math.floor(Math.random() * 250);
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  const enoughAcks = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partialLine + chunk).split('\n');
      partialLine = lines.pop() ?? '';
      acked.push(...lines.filter((line) => line.startsWith('ack ')).map((line) => line.slice(4)));
      if (acked.length >= killAfterAcks) resolve();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void closed.then(() => reject(new Error(`driver exited before it was killed:\n${stderr}`)));
  });

  await enoughAcks;
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
  if (crash) {
    // The driver may exit on its own (its appends fail once the server is gone): either way it ends here.
    await crash();
    child.kill('SIGKILL');
    await closed;
  } else {
    child.kill('SIGKILL');
    expect(await closed).toBe('SIGKILL');
  }
  return acked;
}

async function readEverything(url: string): Promise<RecordedEvent[]> {
  const store = PostgresEventStore.open({ connectionString: url });
  const events: RecordedEvent[] = [];
  try {
    for (let page = await store.readAll({ after: 0, maxCount: 1000 }); page.length > 0; ) {
      events.push(...page);
      page = await store.readAll({ after: page.at(-1)?.position ?? 0, maxCount: 1000 });
    }
  } finally {
    await store.close();
  }
  return events;
}

/** Every way the log could be torn, as readable messages; an intact log yields none. */
function tornLog(events: readonly RecordedEvent[], acked: readonly string[]): string[] {
  const problems: string[] = [];
  events.forEach((event, index) => {
    if (event.position !== index + 1) problems.push(`position ${event.position} at index ${index}: the log has a hole`);
  });
  const byCommand = groupBy(events, (event) => event.metadata.commandId);
  for (const [commandId, commandEvents] of byCommand) {
    if (commandEvents.length !== EVENTS_PER_COMMAND) problems.push(`${commandId} has ${commandEvents.length} events`);
    commandEvents.forEach((event, index) => {
      const previous = commandEvents[index - 1];
      if ((event.data as { index: number }).index !== index) problems.push(`${commandId} event ${index} out of order`);
      if (previous && !(event.streamId === previous.streamId && event.revision === previous.revision + 1 && event.position === previous.position + 1)) {
        problems.push(`${commandId} is not contiguous at event ${index}`);
      }
    });
  }
  for (const [streamId, streamEvents] of groupBy(events, (event) => event.streamId)) {
    if (streamEvents.some((event, revision) => event.revision !== revision)) problems.push(`${streamId} has a revision gap`);
  }
  problems.push(...acked.filter((commandId) => !byCommand.has(commandId)).map((commandId) => `acked ${commandId} is missing`));
  return problems;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
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
      acked.push(...(await appendUntilKilled(schema.url, `run${run}`)));

      const events = await readEverything(schema.url);

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
    const acked = await appendUntilKilled(cluster.url, 'server-crash', () => cluster.killAll());
    await cluster.start();

    const events = await readEverything(cluster.url);

    expect(tornLog(events, acked)).toEqual([]);
    expect(events.length).toBeGreaterThanOrEqual(acked.length * EVENTS_PER_COMMAND);
  }, 60_000);
});
