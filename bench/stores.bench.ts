/**
 * The two self-hosted stores side by side, in one run on one machine: append throughput with 1 client
 * awaiting each append and with 64 concurrent clients (group commit), and the catch-up rate of
 * `subscribeToAll` from position 0 over a log of CATCH_UP_EVENTS events. Durable settings on both: SQLite
 * with synchronous=FULL, PostgreSQL with synchronous_commit=on on a fresh schema of PG_TEST_URL's server
 * (`npm run bench:stores` starts a throw-away one on this machine, so the client's round trips are loopback).
 *
 *   npm run bench:stores              BENCH_N=5000 CATCH_UP_EVENTS=100000 npm run bench:stores
 */
import { NO_STREAM, PostgresEventStore, SqliteEventStore, type EventStore } from '@hazard/event-store';
import { commandEvents, tempStoreFile } from '@hazard/event-store/testing';
import { createTestSchema } from '../libs/event-store/src/postgres/testing/postgres-test-env';

const COMMANDS = Number(process.env['BENCH_N'] ?? 2000);
const CATCH_UP_EVENTS = Number(process.env['CATCH_UP_EVENTS'] ?? 50_000);
const EVENTS_PER_COMMAND = 3;
const WARM_UP_COMMANDS = 50;
const SEED_EVENTS_PER_APPEND = 100;

interface Opened {
  readonly store: EventStore;
  readonly transactions: () => number;
  readonly dispose: () => Promise<void>;
}

interface StoreFigures {
  readonly sequentialCommandsPerSecond: number;
  readonly concurrentCommandsPerSecond: number;
  readonly concurrentCommandsPerTransaction: number;
  readonly catchUpEventsPerSecond: number;
}

const openSqlite = async (): Promise<Opened> => {
  const temp = tempStoreFile('bench-stores-');
  const store = SqliteEventStore.open({ file: temp.file });
  return {
    store,
    transactions: () => store.groupCommitStats().transactions,
    dispose: async () => {
      await store.close();
      temp.remove();
    },
  };
};

const openPostgres = (baseUrl: string) => async (): Promise<Opened> => {
  const schema = await createTestSchema(baseUrl);
  const store = PostgresEventStore.open({ connectionString: schema.url });
  await store.ready();
  return {
    store,
    transactions: () => store.groupCommitStats().transactions,
    dispose: async () => {
      await store.close();
      await schema.drop();
    },
  };
};

/** Commands per second and per transaction; each command creates its own stream, as reporting a hazard does. */
async function appendRate(open: () => Promise<Opened>, clients: number, label: string): Promise<{ perSecond: number; perTransaction: number }> {
  const { store, transactions, dispose } = await open();
  const appendCommand = (name: string) => store.append(`hazard-${label}-${name}`, commandEvents(name, EVENTS_PER_COMMAND), { expectedRevision: NO_STREAM });
  try {
    for (let n = 0; n < WARM_UP_COMMANDS; n++) await appendCommand(`warm-up-${n}`);
    const before = transactions();
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = client; n < COMMANDS; n += clients) await appendCommand(`command-${n}`);
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { perSecond: COMMANDS / seconds, perTransaction: COMMANDS / (transactions() - before) };
  } finally {
    await dispose();
  }
}

/** Events per second a new subscriber reads from position 0 until it has the whole seeded log. */
async function catchUpRate(open: () => Promise<Opened>): Promise<number> {
  const { store, dispose } = await open();
  try {
    const appends = Math.ceil(CATCH_UP_EVENTS / SEED_EVENTS_PER_APPEND);
    await Promise.all(
      Array.from({ length: 16 }, async (_, client) => {
        for (let n = client; n < appends; n += 16) {
          await store.append(`seed-${n}`, commandEvents(`seed-${n}`, SEED_EVENTS_PER_APPEND), { expectedRevision: NO_STREAM });
        }
      }),
    );
    const total = appends * SEED_EVENTS_PER_APPEND;
    const controller = new AbortController();
    let received = 0;
    const started = process.hrtime.bigint();
    for await (const event of store.subscribeToAll({ after: 0, signal: controller.signal })) {
      void event;
      received += 1;
      if (received === total) controller.abort();
    }
    return total / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    await dispose();
  }
}

async function measure(open: () => Promise<Opened>, label: string): Promise<StoreFigures> {
  const sequential = await appendRate(open, 1, `${label}-seq`);
  const concurrent = await appendRate(open, 64, `${label}-64`);
  return {
    sequentialCommandsPerSecond: sequential.perSecond,
    concurrentCommandsPerSecond: concurrent.perSecond,
    concurrentCommandsPerTransaction: concurrent.perTransaction,
    catchUpEventsPerSecond: await catchUpRate(open),
  };
}

async function main(): Promise<void> {
  const baseUrl = process.env['PG_TEST_URL'];
  if (!baseUrl) throw new Error('PG_TEST_URL is not set: run `npm run bench:stores`, which starts a throw-away PostgreSQL');
  const sqlite = await measure(openSqlite, 'sqlite');
  const postgres = await measure(openPostgres(baseUrl), 'postgres');

  const rows: [string, (figures: StoreFigures) => number, number][] = [
    ['append, 1 client (cmd/s)', (f) => f.sequentialCommandsPerSecond, 0],
    ['append, 64 clients (cmd/s)', (f) => f.concurrentCommandsPerSecond, 0],
    ['  commands per transaction', (f) => f.concurrentCommandsPerTransaction, 1],
    ['catch-up read (events/s)', (f) => f.catchUpEventsPerSecond, 0],
  ];
  const line = (cells: readonly string[]) => cells[0]?.padEnd(30) + cells.slice(1).map((cell) => cell.padStart(14)).join('');
  console.log(
    `${COMMANDS} commands of ${EVENTS_PER_COMMAND} events per append run; catch-up over ${CATCH_UP_EVENTS} events; ` +
      `SQLite synchronous=FULL, PostgreSQL synchronous_commit=on (loopback); node ${process.version}\n`,
  );
  console.log(line(['', 'SQLite', 'PostgreSQL', 'PG / SQLite']));
  for (const [name, figure, digits] of rows) {
    console.log(line([name, figure(sqlite).toFixed(digits), figure(postgres).toFixed(digits), `${(figure(postgres) / figure(sqlite)).toFixed(2)}×`]));
  }
  console.log('');
  const rounded = (figures: StoreFigures) => Object.fromEntries(Object.entries(figures).map(([key, value]) => [key, Math.round(value * 10) / 10]));
  console.log(JSON.stringify({ commands: COMMANDS, eventsPerCommand: EVENTS_PER_COMMAND, catchUpEvents: CATCH_UP_EVENTS, sqlite: rounded(sqlite), postgres: rounded(postgres) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
