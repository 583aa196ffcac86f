/**
 * REST commands under load against the web stack's own ceiling, in one run: the API (this checkout's sources,
 * in a child process on a fresh DATA_DIR) takes the mix report/assign/plan/rectify/verify from 50 autocannon
 * connections; the ceiling (bench/ceiling, Nest 11 + Fastify, one no-op POST with a 12-field validated DTO)
 * takes the same connections. Runs alternate product, ceiling, product, ceiling… and the figures are
 * medians, so drift of a shared machine falls on both sides.
 *
 *   npm run bench:commands        BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOOP_BODY } from './ceiling/noop-command.dto';
import { transpiledTree } from './support/transpiled-tree';
import { startApi, startChild } from './support/api-process';
import { BENCH_SECRET, tokens } from './support/command-mix';
import { ceilingLoad, commandLoad, LoadResult } from './support/load';
import { envInt, machineLine, median, printResult, round, table } from './support/stats';

const SECONDS = envInt('BENCH_SECONDS', 10);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const WARM_UP_SECONDS = Math.min(3, SECONDS);

async function main(): Promise<void> {
  const tree = transpiledTree();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-commands-'));
  const auth = tokens();
  const api = await startApi(tree, dataDir, BENCH_SECRET);
  const ceiling = await startChild(tree, 'bench/ceiling/ceiling.main.ts', {}, join(dataDir, 'ceiling.log'));
  try {
    await commandLoad(api.port, CONNECTIONS, WARM_UP_SECONDS, auth, 'warm-up');
    await ceilingLoad(ceiling.port, CONNECTIONS, WARM_UP_SECONDS, NOOP_BODY);
    const product: LoadResult[] = [];
    const roof: LoadResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      product.push(await commandLoad(api.port, CONNECTIONS, SECONDS, auth, `round-${round}`));
      roof.push(await ceilingLoad(ceiling.port, CONNECTIONS, SECONDS, NOOP_BODY));
    }
    const commandsPerSec = median(product.map((r) => r.okPerSec));
    const ceilingPerSec = median(roof.map((r) => r.okPerSec));
    const result = {
      commandsPerSec: round(commandsPerSec, 0),
      ceilingPerSec: round(ceilingPerSec, 0),
      ratio: round(commandsPerSec / ceilingPerSec, 3),
      p50Ms: round(median(product.map((r) => r.p50Ms)), 1),
      p99Ms: round(median(product.map((r) => r.p99Ms)), 1),
      errors: product.reduce((sum, r) => sum + r.errors, 0),
    };
    console.log(`bench:commands — ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s; ${machineLine()}\n`);
    const row = (name: string, runs: LoadResult[]) => runs.map((r, i) => [`${name} #${i + 1}`, round(r.okPerSec, 0), r.p50Ms, r.p99Ms, r.errors]);
    console.log(table(['run', 'ok/s', 'p50 ms', 'p99 ms', 'errors'], [...row('commands (mix)', product), ...row('ceiling (no-op DTO)', roof)]));
    console.log(`\nmedian: commands ${result.commandsPerSec}/s, ceiling ${result.ceilingPerSec}/s, ratio ${result.ratio} (goal ≥ 0.5); p99 ${result.p99Ms} ms (goal ≤ 25)`);
    if (result.errors > 0) console.log(`${result.errors} requests failed: see ${join(dataDir, 'server.log')}`);
    printResult(result);
  } finally {
    await Promise.all([api.stop(), ceiling.stop()]);
    tree.remove();
    if (!process.env['BENCH_KEEP']) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
