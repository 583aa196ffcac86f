import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');

/** Sizes small enough for a smoke run: each bench still starts its servers and children and does real work. */
const TINY: Record<string, string> = {
  BENCH_SECONDS: '1',
  BENCH_ROUNDS: '1',
  BENCH_CONNECTIONS: '4',
  BENCH_COMMANDS: '40',
  BENCH_EVENTS: '1500',
  BENCH_REQUESTS: '10',
  BENCH_HAZARDS: '20',
  BENCH_HISTORY: '60',
  BENCH_PROBE_MS: '50',
};

function runBench(file: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-r', './bench/register.js', file], { cwd: ROOT, env: { ...process.env, ...TINY, ...env }, maxBuffer: 16 << 20, timeout: 170_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file} failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** The last line a bench prints: one JSON object, for scripts. */
function lastLine(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

const positive = expect.any(Number);

/**
 * Each benchmark (npm run bench:*) runs end to end at tiny sizes and ends with its JSON line: the exact keys
 * issue 14 names, numbers that mean something (no NaN, no negative rates, no failed commands). No timing is
 * asserted: speed is what the benchmarks themselves report.
 */
describe('the benchmarks, at smoke-test sizes', () => {
  jest.setTimeout(180_000);
  let cache: string;
  beforeAll(() => (cache = mkdtempSync(join(tmpdir(), 'bench-smoke-'))));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  const sane = (result: Record<string, unknown>, keys: readonly string[]) => {
    expect(Object.keys(result).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(result[key]).toEqual(positive);
      expect(Number.isFinite(result[key])).toBe(true);
      expect(result[key] as number).toBeGreaterThanOrEqual(0);
    }
  };

  it('bench:commands drives the mix without a failed command and prints its figures against the ceiling', async () => {
    const result = lastLine(await runBench('bench/commands.bench.ts', {}));
    sane(result, ['commandsPerSec', 'ceilingPerSec', 'ratio', 'p50Ms', 'p99Ms', 'errors']);
    expect(result.errors).toBe(0);
    expect(result.commandsPerSec as number).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo((result.commandsPerSec as number) / (result.ceilingPerSec as number), 1);
  });

  it('bench:rebuild seeds its events once, rebuilds them and reads them raw', async () => {
    const result = lastLine(await runBench('bench/rebuild.bench.ts', { BENCH_CACHE_DIR: cache }));
    sane(result, ['eventsPerSec', 'rawReadPerSec', 'ratio', 'peakRssMb']);
    expect(result.eventsPerSec as number).toBeGreaterThan(0);
    expect(result.peakRssMb as number).toBeGreaterThan(10);
  });

  it('bench:replay opens a long history over HTTP', async () => {
    const result = lastLine(await runBench('bench/replay.bench.ts', {}));
    sane(result, ['historyP99Ms', 'asOfP99Ms', 'trailP99Ms', 'healthP99Ms']);
    expect(result.historyP99Ms as number).toBeGreaterThan(0);
  });

  it('bench:lag sees its probes on /stream under load', async () => {
    const result = lastLine(await runBench('bench/lag.bench.ts', {}));
    sane(result, ['lagP50Ms', 'lagP99Ms']);
    expect(result.lagP99Ms as number).toBeGreaterThanOrEqual(result.lagP50Ms as number);
  });

  it('bench:cycle runs the command cycle and its raw floor', async () => {
    const result = lastLine(await runBench('bench/cycle.bench.ts', {}));
    sane(result, ['commandsPerSec', 'rawPerSec', 'ratio']);
    expect(result.commandsPerSec as number).toBeGreaterThan(0);
  });
});
