/**
 * Reading a long history over HTTP: p99 of GET …/history, …/state?asOf and …/trail of a hazard with about
 * 500 events (written by the seed's long life onto a fresh DATA_DIR among a small city), each request
 * alone on one keep-alive connection, against /health in the same run as the floor of the HTTP stack.
 * Endpoints are measured in alternating rounds; figures are medians of the rounds' p99.
 *
 *   npm run bench:replay          BENCH_HISTORY=500 BENCH_REQUESTS=300 BENCH_ROUNDS=3
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transpiledTree } from './support/transpiled-tree';
import { startApi } from './support/api-process';
import { BENCH_SECRET, tokens } from './support/command-mix';
import { send, timeGets } from './support/http-timing';
import { seedInto } from './support/seeded-dir';
import { envInt, machineLine, median, percentile, printResult, round, table } from './support/stats';

const HISTORY = envInt('BENCH_HISTORY', 500);
const REQUESTS = envInt('BENCH_REQUESTS', 300);
const ROUNDS = envInt('BENCH_ROUNDS', 3);
const CITY_HAZARDS = envInt('BENCH_HAZARDS', 200);

async function projected(port: number, headers: Record<string, string>, position: number): Promise<void> {
  const agent = new Agent({ keepAlive: true });
  for (let attempt = 0; attempt < 60; attempt++) {
    const answer = await send(agent, port, 'GET', `/api/v1/hazards?pageSize=1&minPosition=${position}`, headers);
    if (answer.status === 200) break;
  }
  agent.destroy();
}

async function main(): Promise<void> {
  const tree = transpiledTree();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
  const seeded = await seedInto(dataDir, CITY_HAZARDS, { longHistories: 1, longEvents: HISTORY });
  const long = seeded.longHistories[0];
  if (!long) throw new Error('the seed wrote no long history');
  const api = await startApi(tree, dataDir, BENCH_SECRET);
  try {
    const headers = { authorization: tokens().admin };
    await projected(api.port, headers, seeded.events); // the projector's catch-up is not what is measured
    const history = JSON.parse((await send(new Agent(), api.port, 'GET', `/api/v1/hazards/${long.hazardId}/history`, headers)).body) as { events: { metadata: { occurredAt: string } }[] };
    const events = history.events.length;
    const middle = history.events[Math.floor(events / 2)]!.metadata.occurredAt;
    const base = `/api/v1/hazards/${long.hazardId}`;
    const endpoints = [
      { name: 'history', path: `${base}/history` },
      { name: 'state?asOf', path: `${base}/state?asOf=${encodeURIComponent(middle)}` },
      { name: 'trail', path: `${base}/trail` },
      { name: '/health', path: '/health' },
    ];
    for (const endpoint of endpoints) await timeGets(api.port, endpoint.path, headers, Math.min(30, REQUESTS)); // warm-up
    const p99s = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
    const p50s = new Map<string, number[]>(endpoints.map((e) => [e.name, []]));
    for (let i = 0; i < ROUNDS; i++) {
      for (const endpoint of endpoints) {
        const latencies = await timeGets(api.port, endpoint.path, headers, REQUESTS);
        p99s.get(endpoint.name)!.push(percentile(latencies, 99));
        p50s.get(endpoint.name)!.push(percentile(latencies, 50));
      }
    }
    const p99 = (name: string) => round(median(p99s.get(name)!), 2);
    console.log(`bench:replay — a hazard of ${events} events among ${CITY_HAZARDS} (${seeded.events} events), ${REQUESTS} sequential GETs per endpoint per round, ${ROUNDS} rounds; ${machineLine()}\n`);
    console.log(table(['endpoint', 'p50 ms', 'p99 ms', 'goal'], endpoints.map((e) => [e.name, round(median(p50s.get(e.name)!), 2), p99(e.name), e.name === '/health' ? 'reference' : '≤ 5 ms'])));
    console.log('');
    printResult({ historyP99Ms: p99('history'), asOfP99Ms: p99('state?asOf'), trailP99Ms: p99('trail'), healthP99Ms: p99('/health') });
  } finally {
    await api.stop();
    tree.remove();
    if (!process.env['BENCH_KEEP']) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
