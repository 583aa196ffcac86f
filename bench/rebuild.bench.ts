/**
 * Rebuilding every read model from about a million events against a raw sequential read of the same file in
 * the same run: each pass runs alone in a child process (its peak RSS is the rebuild's own), rebuild and raw
 * read alternating, figures the medians. The events are written once by the seed (`npm run seed`'s city)
 * into a cached directory, so re-runs start at once.
 *
 *   npm run bench:rebuild         BENCH_EVENTS=1000000 BENCH_ROUNDS=1 BENCH_CACHE_DIR=/tmp/hazard-bench-cache
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './support/api-process';
import { TranspiledTree, transpiledTree } from './support/transpiled-tree';
import { seedInto } from './support/seeded-dir';
import { envInt, machineLine, median, printResult, round, table } from './support/stats';

const EVENTS = envInt('BENCH_EVENTS', 1_000_000);
const ROUNDS = envInt('BENCH_ROUNDS', 1);
const CACHE = process.env['BENCH_CACHE_DIR'] || join(tmpdir(), 'hazard-bench-cache');
/** What the seed's city averages per hazard (units included), to aim at BENCH_EVENTS; the table shows the count reached. */
const EVENTS_PER_HAZARD = 5.8;
/** Bump when the seed changes what it writes, so a stale cache is not measured. */
const SEED_VERSION = 3;

interface Pass {
  readonly events: number;
  readonly seconds: number;
  readonly peakRssMb: number;
}

async function cachedEvents(): Promise<{ file: string; events: number }> {
  const dir = join(CACHE, `events-${EVENTS}-v${SEED_VERSION}`);
  const marker = join(dir, 'seeded.json');
  if (existsSync(marker)) return JSON.parse(readFileSync(marker, 'utf8')) as { file: string; events: number };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const hazards = Math.max(10, Math.round(EVENTS / EVENTS_PER_HAZARD));
  console.error(`seeding ${hazards} hazards into ${dir} (once; later runs reuse it)…`);
  const started = performance.now();
  const seeded = await seedInto(dir, hazards);
  console.error(`seeded ${seeded.events} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const entry = { file: join(dir, 'events.sqlite'), events: seeded.events };
  writeFileSync(marker, JSON.stringify(entry));
  return entry;
}

function pass(tree: TranspiledTree, mode: 'rebuild' | 'raw', file: string): Pass {
  const work = mkdtempSync(join(tmpdir(), 'bench-rebuild-'));
  try {
    const output = execFileSync(process.execPath, [...tree.argsFor('bench/rebuild/rebuild-child.ts'), mode, file, work], {
      cwd: ROOT, env: { ...process.env, ...tree.env }, encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(output.trim().split('\n').pop()!) as Pass;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { file, events } = await cachedEvents();
  const rebuilds: Pass[] = [];
  const raws: Pass[] = [];
  const tree = transpiledTree();
  try {
    for (let i = 0; i < ROUNDS; i++) {
      rebuilds.push(pass(tree, 'rebuild', file));
      raws.push(pass(tree, 'raw', file));
    }
  } finally {
    tree.remove();
  }
  const perSec = (p: Pass) => p.events / p.seconds;
  const eventsPerSec = median(rebuilds.map(perSec));
  const rawReadPerSec = median(raws.map(perSec));
  console.log(`bench:rebuild — ${events} events (${file}), ${ROUNDS} alternating round(s), each pass in its own process; ${machineLine()}\n`);
  console.log(table(['pass', 'events', 'seconds', 'events/s', 'peak RSS MiB'], [
    ...rebuilds.map((p, i) => [`rebuild every read model #${i + 1}`, p.events, round(p.seconds, 1), round(perSec(p), 0), round(p.peakRssMb, 0)]),
    ...raws.map((p, i) => [`raw SELECT + JSON.parse #${i + 1}`, p.events, round(p.seconds, 1), round(perSec(p), 0), round(p.peakRssMb, 0)]),
  ]));
  const result = {
    eventsPerSec: round(eventsPerSec, 0),
    rawReadPerSec: round(rawReadPerSec, 0),
    ratio: round(eventsPerSec / rawReadPerSec, 3),
    peakRssMb: round(median(rebuilds.map((p) => p.peakRssMb)), 0),
  };
  console.log(`\nratio ${result.ratio} (goal ≥ 0.3), rebuild peak RSS ${result.peakRssMb} MiB (goal ≤ 400)\n`);
  printResult(result);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
