import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import ts from 'typescript';
import type { RecordedEvent } from '../event-store.port';
import { EVENTS_PER_COMMAND } from '../testing/crash-append-driver';
import { tempStoreFile, type TempStoreFile } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const LIB_SRC = join(__dirname, '..');

/**
 * The child must run the real store, but there is no TS runtime loader here: transpile the lib's sources
 * (types erased, nothing else changed) next to each other and let the child resolve packages from our
 * node_modules.
 */
function transpileLibInto(outDir: string): string {
  const sources = readdirSync(LIB_SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file));
  for (const source of sources) {
    const { outputText } = ts.transpileModule(readFileSync(join(LIB_SRC, source), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: source,
    });
    const target = join(outDir, source.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, outputText);
  }
  return join(outDir, 'testing', 'crash-append-driver.js');
}

/** Runs the driver until it has acked a random number of commands, then SIGKILLs it; returns every ack it printed. */
async function appendUntilKilled(driver: string, file: string, runId: string): Promise<string[]> {
  const nodeModules = dirname(dirname(require.resolve('better-sqlite3/package.json')));
  const child = spawn(process.execPath, [driver, file, runId], {
    env: { ...process.env, NODE_PATH: nodeModules },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acked: string[] = [];
  let stderr = '';
  let partialLine = '';
  const killAfterAcks = 50 + Math.floor(Math.random() * 400);
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
  child.kill('SIGKILL');
  expect(await closed).toBe('SIGKILL');
  return acked;
}

async function readEverything(file: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open({ file });
  const events: RecordedEvent[] = [];
  for (let page = await store.readAll({ after: 0, maxCount: 1000 }); page.length > 0; ) {
    events.push(...page);
    page = await store.readAll({ after: page.at(-1)?.position ?? 0, maxCount: 1000 });
  }
  await store.close();
  return events;
}

/** Every way the log could be torn, as readable messages; an intact log yields none. */
function tornCommands(events: readonly RecordedEvent[], acked: readonly string[]): string[] {
  const problems: string[] = [];
  const byCommand = groupBy(events, (event) => event.metadata.commandId);
  for (const [commandId, commandEvents] of byCommand) {
    if (commandEvents.length !== EVENTS_PER_COMMAND) problems.push(`${commandId} has ${commandEvents.length} events`);
    commandEvents.forEach((event, index) => {
      const previous = commandEvents[index - 1];
      if ((event.data as { index: number }).index !== index) problems.push(`${commandId} event ${index} out of order`);
      const follows = (p: RecordedEvent) =>
        event.streamId === p.streamId && event.revision === p.revision + 1 && event.position === p.position + 1;
      if (previous && !follows(previous)) {
        problems.push(`${commandId} is not contiguous at event ${index}`);
      }
    });
  }
  for (const [streamId, streamEvents] of groupBy(events, (event) => event.streamId)) {
    if (streamEvents.some((event, revision) => event.revision !== revision)) {
      problems.push(`${streamId} has a revision gap`);
    }
  }
  const missing = acked.filter((commandId) => !byCommand.has(commandId));
  problems.push(...missing.map((commandId) => `acked ${commandId} is missing`));
  return problems;
}

/** Map.groupBy arrives only in Node 21. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

describe('SqliteEventStore under SIGKILL', () => {
  let temp: TempStoreFile;
  let driver: string;

  beforeAll(() => {
    temp = tempStoreFile('event-store-crash-');
    driver = transpileLibInto(join(dirname(temp.file), 'lib'));
  });
  afterAll(() => temp.remove());

  it('keeps every acknowledged command and never a torn one, kill after kill', async () => {
    const acked: string[] = [];
    for (const run of [1, 2, 3]) {
      acked.push(...(await appendUntilKilled(driver, temp.file, `run${run}`)));

      const events = await readEverything(temp.file);

      expect(tornCommands(events, acked)).toEqual([]);
      expect(events.length).toBeGreaterThanOrEqual(acked.length * EVENTS_PER_COMMAND);
    }
    const db = new Database(temp.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
