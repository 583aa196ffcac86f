import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import ts from 'typescript';
import { EVENTS_PER_COMMAND } from '../testing/crash-append-driver';
import { tempStoreFile, type TempStoreFile } from '../testing';
import { appendUntilKilled, readWholeLog, tornCommands } from '../testing/crash-run';
import { SqliteEventStore } from './sqlite-event-store';

const LIB_SRC = join(__dirname, '..');
/** The transpiled driver runs outside the checkout's tree: it finds better-sqlite3 through NODE_PATH. */
const NODE_MODULES = dirname(dirname(require.resolve('better-sqlite3/package.json')));

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
      acked.push(...(await appendUntilKilled([driver, temp.file, `run${run}`], { extraAcks: 400, env: { ...process.env, NODE_PATH: NODE_MODULES } })));

      const events = await readWholeLog(SqliteEventStore.open({ file: temp.file }));

      expect(tornCommands(events, acked)).toEqual([]);
      expect(events.length).toBeGreaterThanOrEqual(acked.length * EVENTS_PER_COMMAND);
    }
    const db = new Database(temp.file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
