import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { WrongExpectedRevisionError } from '../errors';
import { NO_STREAM, type RecordedEvent } from '../event-store.port';
import { commandEvents, testEvents, uniqueStreamId } from '../testing';
import { PostgresEventStore } from './postgres-event-store';
import { createTestSchema, describeWithPostgres, type TestSchema } from './testing/postgres-test-env';

/**
 * Several store instances with their own pools stand for several API processes on one database. What is
 * proven here is the global order readers rely on: positions become visible in order, so a subscriber that
 * reads "after the last position it saw" gets every event exactly once.
 */
describeWithPostgres('PostgreSQL event store across processes', (baseUrl) => {
  let schema: TestSchema;
  const opened: PostgresEventStore[] = [];
  const clients: Client[] = [];
  const open = (pollIntervalMs = 20) => {
    const store = PostgresEventStore.open({ connectionString: schema.url, pollIntervalMs, poolSize: 3 });
    opened.push(store);
    return store;
  };
  const session = async () => {
    const client = new Client({ connectionString: schema.url });
    clients.push(client);
    await client.connect();
    return client;
  };

  beforeEach(async () => {
    schema = await createTestSchema(baseUrl);
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await schema.drop();
  });

  it('gives a concurrent subscriber every event of many concurrent appenders exactly once, in log order', async () => {
    const [reader, ...writers] = [open(5), open(), open(), open(), open()];
    await reader.ready();
    const streams = Array.from({ length: 12 }, () => uniqueStreamId('busy'));
    const commandsPerClient = 12;
    const clientsPerWriter = 8;
    const total = writers.length * clientsPerWriter * commandsPerClient * 2;
    const controller = new AbortController();
    const received: RecordedEvent[] = [];
    const subscription = (async () => {
      for await (const event of reader.subscribeToAll({ after: 0, signal: controller.signal })) received.push(event);
    })();

    await Promise.all(
      writers.flatMap((writer, w) =>
        Array.from({ length: clientsPerWriter }, async (_, c) => {
          for (let n = 0; n < commandsPerClient; n++) {
            const streamId = streams[(w * 7 + c * 3 + n) % streams.length] ?? '';
            await writer.append(streamId, commandEvents(`w${w}-c${c}-n${n}`, 2), { expectedRevision: 'any' });
          }
        }),
      ),
    );
    // A subscriber that skipped an event never gets it: give it time to catch up, then compare.
    await eventually(async () => received.length >= total, 5000).catch(() => undefined);
    controller.abort();
    await subscription;

    const all = await writers[0]?.readAll({ after: 0, maxCount: total + 10 });
    expect(all).toHaveLength(total);
    expect(received.map((event) => event.id)).toEqual(all?.map((event) => event.id));
    expect(received.map((event) => event.position)).toEqual(all?.map((_, index) => index + 1));
    for (const streamId of streams) {
      expect((await reader.readStream(streamId)).map((event) => event.revision)).toEqual(
        all?.filter((event) => event.streamId === streamId).map((_, revision) => revision),
      );
    }
  });

  it('shows the hazard: with a plain sequence, an earlier number committed last is skipped by a reader', async () => {
    const [first, second, reader] = [await session(), await session(), await session()];
    await reader.query('CREATE TABLE naive_log (position bigserial PRIMARY KEY, note text NOT NULL)');
    const readAfter = async (after: number) =>
      (await reader.query<{ position: string }>('SELECT position FROM naive_log WHERE position > $1 ORDER BY position', [after])).rows.map(
        (row) => Number(row.position),
      );

    await first.query('BEGIN');
    await first.query("INSERT INTO naive_log (note) VALUES ('takes 1, commits last')");
    await second.query('BEGIN');
    await second.query("INSERT INTO naive_log (note) VALUES ('takes 2, commits first')");
    await second.query('COMMIT');
    const firstRead = await readAfter(0);
    await first.query('COMMIT');
    const secondRead = await readAfter(firstRead.at(-1) ?? 0);

    expect(firstRead).toEqual([2]);
    expect(secondRead).toEqual([]);
    expect(await readAfter(0)).toEqual([1, 2]);
  });

  it('never lets that happen to the store: a later append takes its position only after the earlier one commits', async () => {
    const [writer, reader] = [open(), open(5)];
    await writer.ready();
    const [early, late] = [uniqueStreamId('early'), uniqueStreamId('late')];
    const controller = new AbortController();
    const received: RecordedEvent[] = [];
    const subscription = (async () => {
      for await (const event of reader.subscribeToAll({ after: 0, signal: controller.signal })) {
        received.push(event);
        if (received.length === 2) controller.abort();
      }
    })();

    // A transaction of the store's own append function, left open after it took position 1.
    const open1 = await session();
    await open1.query('BEGIN');
    const taken = await open1.query<{ out_position: string }>(
      `SELECT * FROM event_log_append(ARRAY[$1], ARRAY[NULL]::bigint[], ARRAY[1], ARRAY[$2], ARRAY['TestEventHappened'],
        ARRAY['{"note":"early"}'], ARRAY['{}'], now())`,
      [early, randomUUID()],
    );
    expect(taken.rows[0]?.out_position).toBe('1');

    let settled = false;
    const lateAppend = writer.append(late, testEvents(1), { expectedRevision: NO_STREAM }).finally(() => (settled = true));
    await untilBlockedOnAppendLock(await session(), schema.name);
    expect(settled).toBe(false);
    expect(await reader.readAll({ after: 0, maxCount: 10 })).toEqual([]);
    expect(received).toEqual([]);

    await open1.query('COMMIT');
    const result = await lateAppend;
    await subscription;

    expect(result.position).toBe(2);
    expect(received.map((event) => [event.streamId, event.position])).toEqual([
      [early, 1],
      [late, 2],
    ]);
  });

  it('stores a command once when its retries race from several processes, and lets one of several rivals win', async () => {
    const stores = [open(), open(), open()];
    const streamId = uniqueStreamId('retried');
    const events = commandEvents('command-raced', 3);

    const results = await Promise.all(stores.flatMap((store) => [1, 2, 3].map(() => store.append(streamId, events, { expectedRevision: NO_STREAM }))));

    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    expect((await stores[0]?.readStream(streamId))?.map((event) => event.id)).toEqual(events.map((event) => event.id));

    const contended = uniqueStreamId('contended');
    const outcomes = await Promise.allSettled(stores.map((store) => store.append(contended, testEvents(2), { expectedRevision: NO_STREAM })));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
      expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
    }
  });

  it('batches concurrent appends of one process into few transactions', async () => {
    const store = open();
    await store.ready();
    const before = store.groupCommitStats();

    await Promise.all(Array.from({ length: 100 }, () => store.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM })));

    const after = store.groupCommitStats();
    expect(after.appends - before.appends).toBe(100);
    expect(after.transactions - before.transactions).toBeLessThanOrEqual(10);
  });

  it('lets appends in flight finish on close, then refuses new ones', async () => {
    const store = open();
    const streams = Array.from({ length: 40 }, () => uniqueStreamId('closing'));
    const appends = streams.map((streamId) => store.append(streamId, testEvents(2), { expectedRevision: NO_STREAM }));

    await store.close();

    await expect(Promise.all(appends)).resolves.toHaveLength(40);
    await expect(store.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM })).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
    expect(await open().headPosition()).toBe(80);
  });

  it('wakes a subscriber when another process appends, and still delivers after its LISTEN connection is killed', async () => {
    const [reader, writer] = [open(60_000), open()];
    const controller = new AbortController();
    const received: RecordedEvent[] = [];
    const subscription = (async () => {
      for await (const event of reader.subscribeToAll({ after: 0, signal: controller.signal })) {
        received.push(event);
        if (received.length === 2) controller.abort();
      }
    })();
    const admin = await session();
    const listen = `LISTEN "event_log:${schema.name}"`;
    const listeners = () => admin.query('SELECT pid FROM pg_stat_activity WHERE query = $1', [listen]);
    await eventually(async () => (await listeners()).rows.length > 0);

    // With a one-minute poll, only the NOTIFY can deliver this within the test's time.
    await writer.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM });
    await eventually(async () => received.length === 1);

    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1', [listen]);
    await writer.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM });
    await subscription;

    expect(received.map((event) => event.position)).toEqual([1, 2]);
  });

  it('keeps one identity per log: the same from every process, another for another schema', async () => {
    const [one, two] = [open(), open()];
    const other = await createTestSchema(baseUrl);
    const elsewhere = PostgresEventStore.open({ connectionString: other.url });
    try {
      const identity = await one.identity();
      expect(identity).toEqual({ store: 'postgres', logId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(await two.identity()).toEqual(identity);
      expect((await elsewhere.identity()).logId).not.toBe(identity.logId);
    } finally {
      await elsewhere.close();
      await other.drop();
    }
  });
});

/** Until a backend waits for this schema's append lock (postgres-schema.ts): the append queued behind the open transaction. */
async function untilBlockedOnAppendLock(admin: Client, schemaName: string): Promise<void> {
  await eventually(async () => {
    const { rows } = await admin.query(
      `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
         AND classid::bigint = x'485a4c'::bigint AND objid::bigint = (hashtext($1)::bigint & 4294967295)`,
      [schemaName],
    );
    return rows.length > 0;
  });
}

async function eventually(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
