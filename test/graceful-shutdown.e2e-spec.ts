import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@hazard/event-store';
import { commandLoad, Outcome } from './support/command-load';
import { compileServer, startServer } from './support/server-process';

const GRACE_MS = 10_000;

/** docs/reliability.md "Shutdown": SIGTERM under load, on the real server process. */
describe('SIGTERM under load (server process)', () => {
  let root: string;
  let compiled: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'hazard-shutdown-'));
    compiled = compileServer(join(root, 'server'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('exits 0 within SHUTDOWN_GRACE_MS, answers every request it accepted, and loses no acknowledged command', async () => {
    const dataDir = join(root, 'data');
    const server = await startServer(compiled, dataDir, { SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    const load = commandLoad({ port: server.port, connections: 50 });
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const signalledAt = performance.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const exitMs = performance.now() - signalledAt;
    load.stop();
    const outcomes = await load.done;

    const before = outcomes.filter((o) => o.settledAt < signalledAt);
    const answeredLate = outcomes.filter((o) => o.settledAt >= signalledAt && typeof o.status === 'number');
    console.log(
      `shutdown under 50 connections: exit ${exit.code} after ${Math.round(exitMs)} ms; ` +
        `${before.length} answered before SIGTERM, ${answeredLate.length} after (${summary(answeredLate)}); ` +
        `not answered: ${summary(outcomes.filter((o) => typeof o.status === 'string'))}`,
    );
    expect(exit).toEqual({ code: 0, signal: null });
    expect(exitMs).toBeLessThan(GRACE_MS);
    expect(server.output()).toMatch(/stopped in \d+ ms/);
    expect(server.output()).not.toMatch(/still unanswered|exiting now/);
    expect(before.length).toBeGreaterThan(50);
    // A 5xx is only the drain's refusal of a request that arrived after SIGTERM: 503, Retry-After and a code.
    const serverErrors = outcomes.filter((o) => typeof o.status === 'number' && o.status >= 500);
    expect(serverErrors.filter((o) => o.status !== 503 || o.code !== 'SERVER.SHUTTING_DOWN' || !o.retryAfter || o.sentAt < signalledAt - 1000)).toEqual([]);

    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.hazardId ?? 'no hazardId');
    const store = SqliteEventStore.open({ file: join(dataDir, 'events.sqlite') });
    const missing: string[] = [];
    for (const hazardId of acknowledged) {
      if ((await store.readStream(`hazard-${hazardId}`).catch(() => [])).length === 0) missing.push(hazardId);
    }
    await store.close();
    expect(missing).toEqual([]);
  }, 60_000);
});

function summary(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(String(o.status), (counts.get(String(o.status)) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n}× ${status}`).join(', ') || 'none';
}
