import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { RecordedEvent, SqliteEventStore, verifyStore } from '@hazard/event-store';
import { openReadModelsDb, READ_MODELS_FILE, readModelDigest, rebuildReadModels } from '@hazard/projections';
import { reviewer } from './support/actors';
import { commandLoad } from './support/command-load';
import { compileServer, ServerProcess, startServer } from './support/server-process';
import { TEST_SECRET } from './support/test-app';

const ROUNDS = 10;

/** docs/reliability.md "Crash": the real server SIGKILLed mid-load, round after round, on one DATA_DIR. */
describe('SIGKILL under load, again and again (server process)', () => {
  let root: string;
  let compiled: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'hazard-crash-'));
    compiled = compileServer(join(root, 'server'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('keeps every acknowledged command, a gapless log, an intact chain and read models equal to a rebuild', async () => {
    const dataDir = join(root, 'data');
    const acknowledged: string[] = [];
    let attempted = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const server = await startServer(compiled, dataDir);
      const load = commandLoad({ port: server.port, connections: 10, healthEvery: 1_000_000 });
      await untilAcks(load, 20 + Math.floor(Math.random() * 40));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
      server.child.kill('SIGKILL');
      expect((await server.exited).signal).toBe('SIGKILL');
      load.stop();
      const outcomes = await load.done;
      attempted += outcomes.length;
      acknowledged.push(...outcomes.filter((o) => o.status === 201).map((o) => o.hazardId ?? 'no hazardId'));
    }

    // One more start: the consumers catch up from their checkpoints; then a clean stop.
    const server = await startServer(compiled, dataDir);
    const head = await headPosition(server);
    await readModelsAt(server, head);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });

    const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
    const events = await readAll(store);
    const streams = new Set(events.map((e) => e.streamId));
    const integrity = await verifyStore(store);
    const served = openReadModelsDb(join(dataDir, READ_MODELS_FILE));
    const rebuilt = openReadModelsDb(join(root, 'rebuilt.sqlite'));
    await rebuildReadModels(store, rebuilt);
    const [servedDigest, rebuiltDigest] = [readModelDigest(served), readModelDigest(rebuilt)];
    served.close();
    rebuilt.close();
    await store.close();
    console.log(
      `crash: ${ROUNDS} SIGKILL rounds, ${attempted} requests, ${acknowledged.length} acknowledged, ${events.length} events ` +
        `in ${streams.size} streams; read models ${servedDigest.digest.slice(0, 12)}… (${servedDigest.tables.hazards.rows} hazards)`,
    );

    expect(acknowledged.filter((hazardId) => !streams.has(`hazard-${hazardId}`))).toEqual([]);
    expect(events.map((e) => e.position)).toEqual(events.map((_, index) => index + 1));
    expect(integrity.valid).toBe(true);
    expect(integrity.broken).toEqual([]);
    expect(servedDigest).toEqual(rebuiltDigest);
  }, 110_000);
});

async function untilAcks(load: ReturnType<typeof commandLoad>, acks: number): Promise<void> {
  for (let waited = 0; load.acknowledged() < acks; waited += 5) {
    if (waited > 20_000) throw new Error(`only ${load.acknowledged()} of ${acks} acknowledgements in 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function headPosition(server: ServerProcess): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${server.port}/health`);
  const body = (await response.json()) as { details: { eventStore: { headPosition: number } } };
  return body.details.eventStore.headPosition;
}

/** Waits (read your writes) until the projector has passed `position`. */
async function readModelsAt(server: ServerProcess, position: number): Promise<void> {
  const token = new JwtService({ secret: TEST_SECRET }).sign({ ...reviewer }, { algorithm: 'HS256', expiresIn: '1h' });
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/hazards?minPosition=${position}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 200) return;
    expect(response.status).toBe(503);
  }
  throw new Error(`the read models never reached position ${position}`);
}

async function readAll(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let page = await store.readAll({ after: 0, maxCount: 1000 }); page.length > 0; ) {
    events.push(...page);
    page = await store.readAll({ after: page.at(-1)?.position ?? 0, maxCount: 1000 });
  }
  return events;
}
