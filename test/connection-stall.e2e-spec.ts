import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandLoad, Outcome } from './support/command-load';
import { compileServer, startServer } from './support/server-process';

/**
 * A correctness bound, not a benchmark: before the fix the slowest request here took 4.9–12 s, after it under
 * 0.9 s. The bound sits between, with room for a busy machine.
 */
const BOUND_MS = 3000;
const LOAD_MS = 6000;

/** docs/reliability.md "The stall under 200 connections": the real server process, 200 keep-alive connections. */
describe('200 keep-alive connections (server process)', () => {
  let root: string;
  let compiled: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'hazard-stall-'));
    compiled = compileServer(join(root, 'server'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`answers every request within ${BOUND_MS} ms, on old connections and on new ones opened under load`, async () => {
    const server = await startServer(compiled, join(root, 'data'));
    try {
      const load = commandLoad({ port: server.port, connections: 200 });
      // Connections that arrive while the server is busy are the ones that used to wait to be accepted.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const latecomers = commandLoad({ port: server.port, connections: 50, requestsPerConnection: 3 });
      const probes = probeHealth(server.port, LOAD_MS - 1500);
      await new Promise((resolve) => setTimeout(resolve, LOAD_MS - 1500));
      load.stop();
      const outcomes = [...(await load.done), ...(await latecomers.done)];
      const probeTimes = await probes;

      const times = outcomes.map((o) => o.settledAt - o.sentAt).sort((a, b) => a - b);
      const slowest = times.at(-1) ?? 0;
      console.log(
        `200 connections for ${LOAD_MS} ms + 50 latecomers: ${outcomes.length} requests, p50 ${Math.round(times[times.length >> 1] ?? 0)} ms, ` +
          `p99 ${Math.round(times[Math.floor(times.length * 0.99)] ?? 0)} ms, max ${Math.round(slowest)} ms; ` +
          `/health on a new connection: max ${Math.round(Math.max(...probeTimes))} ms of ${probeTimes.length}`,
      );
      expect(outcomes.filter((o) => o.status !== 201 && o.status !== 200).map(outcomeText)).toEqual([]);
      expect(outcomes.filter((o) => o.settledAt - o.sentAt > BOUND_MS).map(outcomeText)).toEqual([]);
      expect(probeTimes.filter((ms) => ms > BOUND_MS)).toEqual([]);
      expect(outcomes.length).toBeGreaterThan(1000);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 60_000);
});

/** A load balancer's probe: GET /health on a fresh connection every 100 ms; resolves with each one's time. */
async function probeHealth(port: number, forMs: number): Promise<number[]> {
  const times: number[] = [];
  for (const end = performance.now() + forMs; performance.now() < end; ) {
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const req = get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => res.resume().on('end', resolve));
      req.setTimeout(15_000, () => req.destroy());
      req.on('error', () => resolve());
    });
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return times;
}

function outcomeText(o: Outcome): string {
  return `${o.kind} ${String(o.status)} after ${Math.round(o.settledAt - o.sentAt)} ms`;
}
