/**
 * Projection lag under the command load: while 50 autocannon connections run the bench:commands mix against
 * the API, a probe reports a new hazard every BENCH_PROBE_MS on its own connection and a /stream listener
 * notes when the projector's change for that hazard arrives. Lag = arrival − acknowledgment of the command
 * (0 when the change arrived before the answer did): how long a dashboard trails an acknowledged command.
 *
 *   npm run bench:lag             BENCH_SECONDS=15 BENCH_PROBE_MS=100 BENCH_CONNECTIONS=50
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transpiledTree } from './support/transpiled-tree';
import { startApi } from './support/api-process';
import { BENCH_SECRET, mixRequest, tokens, WalkContext } from './support/command-mix';
import { send } from './support/http-timing';
import { commandLoad } from './support/load';
import { listen } from './support/sse-listener';
import { envInt, machineLine, percentile, printResult, round, table } from './support/stats';

const SECONDS = envInt('BENCH_SECONDS', 15);
const PROBE_MS = envInt('BENCH_PROBE_MS', 100);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 50);
const SETTLE_MS = 10_000;

interface Probe {
  ackedAt?: number;
  seenAt?: number;
}

async function main(): Promise<void> {
  const tree = transpiledTree();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lag-'));
  const auth = tokens();
  const api = await startApi(tree, dataDir, BENCH_SECRET);
  const probes = new Map<string, Probe>();
  const stream = await listen(api.port, auth.admin, (change, at) => {
    const probe = probes.get(change.hazardId);
    if (probe && probe.seenAt === undefined) probe.seenAt = at;
  });
  try {
    await commandLoad(api.port, CONNECTIONS, Math.min(3, SECONDS), auth, 'warm-up');
    let loading = true;
    const load = commandLoad(api.port, CONNECTIONS, SECONDS, auth, 'lag').finally(() => (loading = false));
    // Probes go out on a timer, not one after another: a slow answer must not thin out the samples.
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    let failed = 0;
    const probe = async () => {
      const context: WalkContext = {};
      const request = mixRequest('report', context, auth, 'probe');
      const entry: Probe = {};
      probes.set(context.hazardId!, entry);
      const answer = await send(agent, api.port, request.method, request.path, request.headers, request.body);
      if (answer.status === 201) entry.ackedAt = performance.now();
      else {
        failed += 1;
        probes.delete(context.hazardId!);
      }
    };
    const sent: Promise<void>[] = [];
    while (loading) {
      sent.push(probe());
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS));
    }
    await Promise.all(sent);
    const loadResult = await load;
    const settleBy = performance.now() + SETTLE_MS;
    while ([...probes.values()].some((p) => p.seenAt === undefined) && performance.now() < settleBy) await new Promise((resolve) => setTimeout(resolve, 50));
    agent.destroy();

    const lags = [...probes.values()].filter((p) => p.ackedAt !== undefined && p.seenAt !== undefined).map((p) => Math.max(0, p.seenAt! - p.ackedAt!));
    const unseen = [...probes.values()].filter((p) => p.seenAt === undefined).length;
    const result = { lagP50Ms: round(percentile(lags, 50), 1), lagP99Ms: round(percentile(lags, 99), 1) };
    console.log(`bench:lag — ${CONNECTIONS} connections of the command mix for ${SECONDS} s, a probe report every ${PROBE_MS} ms; ${machineLine()}\n`);
    console.log(table(['measure', 'value'], [
      ['commands/s under load (2xx)', round(loadResult.okPerSec, 0)],
      ['load errors', loadResult.errors],
      ['probes acknowledged / seen on /stream', `${lags.length} / ${probes.size - unseen}`],
      ['probes failed / never seen', `${failed} / ${unseen}`],
      ['lag p50 ms', result.lagP50Ms],
      ['lag p99 ms (goal ≤ 250)', result.lagP99Ms],
      ['lag max ms', round(Math.max(...lags), 1)],
    ]));
    console.log('');
    if (lags.length === 0) throw new Error('no probe was both acknowledged and seen on /stream');
    printResult(result);
  } finally {
    stream.close();
    await api.stop();
    tree.remove();
    if (!process.env['BENCH_KEEP']) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
