/**
 * What group commit buys: the same N commands appended by 1 client awaiting each append (one transaction,
 * one fsync per command) and by more and more concurrent clients (appends of one tick share a transaction),
 * on a fresh file with synchronous=FULL. Ratios are against the sequential run of this same process, so
 * they compare like with like on whatever disk this runs on.
 *
 *   npm run bench:append              BENCH_N=5000 npm run bench:append
 */
import { NO_STREAM, SqliteEventStore } from '@hazard/event-store';
import { commandEvents, tempStoreFile } from '@hazard/event-store/testing';

const COMMANDS = Number(process.env['BENCH_N'] ?? 2000);
const EVENTS_PER_COMMAND = 3;
const WARM_UP_COMMANDS = 50;

interface Run {
  readonly clients: number;
  readonly commandsPerSecond: number;
  readonly commandsPerTransaction: number;
}

async function measure(clients: number): Promise<Run> {
  const temp = tempStoreFile('bench-append-');
  const store = SqliteEventStore.open({ file: temp.file });
  // Each command creates its own stream, as reporting a hazard does, so clients never conflict.
  const appendCommand = (name: string) =>
    store.append(`hazard-${name}`, commandEvents(name, EVENTS_PER_COMMAND), { expectedRevision: NO_STREAM });
  try {
    for (let n = 0; n < WARM_UP_COMMANDS; n++) await appendCommand(`warm-up-${n}`);
    const before = store.groupCommitStats();
    const started = process.hrtime.bigint();

    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = client; n < COMMANDS; n += clients) await appendCommand(`command-${n}`);
      }),
    );

    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const transactions = store.groupCommitStats().transactions - before.transactions;
    return { clients, commandsPerSecond: COMMANDS / seconds, commandsPerTransaction: COMMANDS / transactions };
  } finally {
    await store.close();
    temp.remove();
  }
}

function modeName(clients: number): string {
  if (clients === 1) return 'sequential (await each)';
  return clients === COMMANDS ? 'all at once' : `${clients} concurrent clients`;
}

async function main(): Promise<void> {
  const clientCounts = [1, 8, 64, COMMANDS];
  const runs: Run[] = [];
  for (const clients of clientCounts) runs.push(await measure(clients));
  const baseline = runs[0]?.commandsPerSecond ?? 1;

  const row = (mode: string, cells: readonly string[]) => mode.padEnd(26) + cells.map((cell) => cell.padStart(14)).join('');
  console.log(`${COMMANDS} commands of ${EVENTS_PER_COMMAND} events, synchronous=FULL, node ${process.version}\n`);
  console.log(row('mode', ['commands/s', 'events/s', 'commands/txn', 'vs sequential']));
  for (const run of runs) {
    console.log(
      row(modeName(run.clients), [
        run.commandsPerSecond.toFixed(0),
        (run.commandsPerSecond * EVENTS_PER_COMMAND).toFixed(0),
        run.commandsPerTransaction.toFixed(1),
        `${(run.commandsPerSecond / baseline).toFixed(1)}x`,
      ]),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
