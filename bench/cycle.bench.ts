/**
 * The in-process command cycle, one command at a time: the generic runner (read the stream, decode, fold,
 * authorize, decide, hash-chain, append with fsync) walking hazards through report/assign/plan/rectify/verify,
 * against the floor of the same disk work done by hand — better-sqlite3 reading the stream's rows and
 * JSON-parsing them, then inserting one row of the product's average event size, per command, in the same
 * WAL + synchronous=FULL file settings. Alternating rounds, medians.
 *
 *   npm run bench:cycle           BENCH_COMMANDS=3000 BENCH_ROUNDS=3
 */
import Database from 'better-sqlite3';
import { Actor, HazardCommand, hazardAggregateWith, HazardEvent, hazardIdFor, HazardState, Unstamped } from '@hazard/domain';
import { AggregateCommandRunner, SqliteEventStore } from '@hazard/event-store';
import { tempStoreFile } from '@hazard/event-store/testing';
import { hazardRulesOf, loadCatalogue, loadConfig } from '@hazard/platform';
import { creditCodeOf } from '../apps/cli/src/seed/units';
import { envInt, machineLine, median, printResult, round, table } from './support/stats';

const COMMANDS = envInt('BENCH_COMMANDS', 3000);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const UNIT = creditCodeOf('330106', 7);
const scope = { departmentId: 'dept-gas', sectors: ['gas'], regions: ['3301'] };
const inspector: Actor = { userId: 'insp-cycle', roles: ['inspector'], ...scope };
const supervisor: Actor = { userId: 'sup-cycle', roles: ['supervisor'], authority: 'county', ...scope };
const rectifier: Actor = { userId: 'rect-cycle', departmentId: 'unit-cycle', roles: ['rectifier'], unitId: UNIT };

/** The k-th command of the walk (five per hazard), with the actor who issues it. */
function walkCommand(k: number, now: number): { actor: Actor; command: Unstamped<HazardCommand> } {
  const location = `cycle 调压箱 ${Math.floor(k / 5)}`;
  const hazardId = hazardIdFor({ unitId: UNIT, location, categoryCode: 'GAS-PIPE-AGING' });
  const iso = (offset: number) => new Date(now + offset).toISOString();
  switch (k % 5) {
    case 0:
      return { actor: inspector, command: { type: 'ReportHazard', hazardId, data: {
        unitId: UNIT, unitName: '杭州西湖燃气有限公司', location, categoryCode: 'GAS-PIPE-AGING', sector: 'gas', regionCode: '330106', level: 'major',
        source: 'inspection', description: '调压箱锈蚀严重，存在漏气风险', discoveredAt: iso(-3_600_000), evidence: ['photo-001.jpg'] } } };
    case 1:
      return { actor: supervisor, command: { type: 'AssignRectification', hazardId, data: {
        responsibleUnitId: UNIT, responsiblePerson: '张三', supervisingDepartment: 'dept-gas', deadline: iso(30 * 86_400_000), requirements: '更换锈蚀调压箱' } } };
    case 2:
      return { actor: rectifier, command: { type: 'SubmitRemediationPlan', hazardId, data: {
        goals: '消除漏气隐患', measures: '更换调压箱', funding: '企业自筹', organisation: '安全科', timeline: '一个月', safetyMeasures: '设置警戒区' } } };
    case 3:
      return { actor: rectifier, command: { type: 'SubmitRectification', hazardId, data: { measures: '已更换调压箱', evidence: ['after.jpg'], completedAt: iso(-60_000) } } };
    default:
      return { actor: supervisor, command: { type: 'VerifyRectification', hazardId, data: { passed: false, notes: '复查未通过' } } };
  }
}

interface Run {
  readonly perSec: number;
  readonly averageEventBytes: number;
}

async function product(): Promise<Run> {
  const temp = tempStoreFile('bench-cycle-');
  const config = loadConfig({ ...process.env, DATA_DIR: temp.file + '.d' });
  const store = SqliteEventStore.open({ file: temp.file });
  const runner = new AggregateCommandRunner<HazardCommand, HazardEvent, HazardState>(store, hazardAggregateWith(hazardRulesOf(config, loadCatalogue(config.catalogueFile))), () => new Date());
  try {
    const started = performance.now();
    for (let k = 0; k < COMMANDS; k++) {
      const { actor, command } = walkCommand(k, Date.now());
      await runner.run(command, { actor, commandId: `cycle-${k}`, correlationId: `cycle-${k}`, causationId: `cycle-${k}` });
    }
    const perSec = COMMANDS / ((performance.now() - started) / 1000);
    const db = new Database(temp.file, { readonly: true });
    const { bytes } = db.prepare('SELECT avg(length(data) + length(metadata)) AS bytes FROM events').get() as { bytes: number };
    db.close();
    return { perSec, averageEventBytes: bytes };
  } finally {
    await store.close();
    temp.remove();
  }
}

/** The floor: per command, read the stream's rows and parse them, then insert one row of `eventBytes`. */
function raw(eventBytes: number): Run {
  const temp = tempStoreFile('bench-cycle-raw-');
  const db = new Database(temp.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision))');
    const read = db.prepare('SELECT type, data, metadata FROM events WHERE stream_id = ? ORDER BY revision');
    const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const filler = 'x'.repeat(Math.max(0, Math.round(eventBytes) - 40));
    const started = performance.now();
    for (let k = 0; k < COMMANDS; k++) {
      const stream = `hazard-${Math.floor(k / 5)}`;
      const rows = read.all(stream) as { type: string; data: string; metadata: string }[];
      for (const row of rows) {
        JSON.parse(row.data);
        JSON.parse(row.metadata);
      }
      insert.run(stream, rows.length, `event-${k}`, 'Raw', JSON.stringify({ filler }), JSON.stringify({ k }), new Date().toISOString());
    }
    return { perSec: COMMANDS / ((performance.now() - started) / 1000), averageEventBytes: eventBytes };
  } finally {
    db.close();
    temp.remove();
  }
}

async function main(): Promise<void> {
  const products: Run[] = [];
  const raws: Run[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const run = await product();
    products.push(run);
    raws.push(raw(run.averageEventBytes));
  }
  const commandsPerSec = median(products.map((r) => r.perSec));
  const rawPerSec = median(raws.map((r) => r.perSec));
  console.log(`bench:cycle — ${COMMANDS} commands one at a time (report/assign/plan/rectify/verify), ${ROUNDS} alternating rounds; ${machineLine()}\n`);
  console.log(table(['run', 'commands/s', 'event bytes'], [
    ...products.map((r, i) => [`runner #${i + 1}`, round(r.perSec, 0), round(r.averageEventBytes, 0)]),
    ...raws.map((r, i) => [`raw read+insert #${i + 1}`, round(r.perSec, 0), round(r.averageEventBytes, 0)]),
  ]));
  console.log(`\nmedian: runner ${round(commandsPerSec, 0)}/s, raw ${round(rawPerSec, 0)}/s, ratio ${round(commandsPerSec / rawPerSec, 3)} (goal ≥ 1.0)`);
  printResult({ commandsPerSec: round(commandsPerSec, 0), rawPerSec: round(rawPerSec, 0), ratio: round(commandsPerSec / rawPerSec, 3) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
