import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidCreditCode } from '@hazard/domain';
import { EventStore, verifyStore } from '@hazard/event-store';
import { loadConfig, openEventStore } from '@hazard/platform';
import { READ_MODELS_FILE } from '@hazard/projections';
import { CliIo } from '../cli-io';
import { DriveResult } from './driver';
import { runSeed, SeedOptions } from './seed.command';

const quiet: CliIo = { out: () => undefined, err: () => undefined };
const options: SeedOptions = { hazards: 400, seed: 7, until: new Date('2026-06-30T16:00:00Z'), concurrency: 16, longHistories: 1, longEvents: 200, rebuild: true };

/** The seed: a city written through the real command path, rich enough for dashboards and benchmarks. */
describe('npm run seed', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function seeded(overrides: Partial<SeedOptions> = {}): Promise<{ dataDir: string; store: EventStore; result: DriveResult }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'seed-spec-'));
    dirs.push(dataDir);
    const config = loadConfig({ DATA_DIR: dataDir });
    const store = openEventStore(config);
    const result = await runSeed(store, config, quiet, { ...options, ...overrides });
    return { dataDir, store, result };
  }

  /** Each stream's events as the domain sees them (type, data, actor, time), positions and hashes aside. */
  async function streams(store: EventStore): Promise<Map<string, string[]>> {
    const byStream = new Map<string, string[]>();
    for (let after = 0, page = await store.readAll({ after, maxCount: 5000 }); page.length; page = await store.readAll({ after, maxCount: 5000 })) {
      for (const e of page) {
        const list = byStream.get(e.streamId) ?? [];
        list.push(JSON.stringify([e.type, e.data, e.metadata.actor, e.metadata.occurredAt]));
        byStream.set(e.streamId, list);
      }
      after = page[page.length - 1]!.position;
    }
    return byStream;
  }

  let first: Awaited<ReturnType<typeof seeded>>;
  beforeAll(async () => {
    first = await seeded();
  }, 120_000);
  afterAll(() => first.store.close());

  it('leaves hazards in every status, some overdue, found again, under supervision, and one long history', () => {
    const db = new Database(join(first.dataDir, READ_MODELS_FILE), { readonly: true });
    const count = (where: string) => (db.prepare(`SELECT count(*) AS n FROM rm_hazards WHERE ${where}`).get() as { n: number }).n;
    try {
      expect(count('1')).toBe(options.hazards);
      for (const status of ['found', 'assigned', 'rectified', 'verified', 'reopened']) expect(count(`status = '${status}'`)).toBeGreaterThan(0);
      expect(count('overdue_marked = 1')).toBeGreaterThan(0);
      expect(count('occurrence > 1')).toBeGreaterThan(0);
      expect(count('repeat_findings > 0')).toBeGreaterThan(0);
      expect(count('under_supervision = 1')).toBeGreaterThan(0);
      expect(count("level = 'major'")).toBeGreaterThan(0);
    } finally {
      db.close();
    }
    expect(first.result.longHistories[0]!.events).toBeGreaterThanOrEqual(options.longEvents!);
  });

  it('writes hash chains that verify, every event with an actor and a time no later than --until', async () => {
    const integrity = await verifyStore(first.store);
    expect(integrity.valid).toBe(true);
    expect(integrity.events).toBe(first.result.events);
    const all = await first.store.readAll({ after: 0, maxCount: 100_000 });
    for (const e of all) {
      expect(e.metadata.actor.userId).toEqual(expect.any(String));
      expect(Date.parse(e.metadata.occurredAt)).toBeLessThanOrEqual(options.until.getTime());
    }
  });

  it('registers units under valid 统一社会信用代码, a few of them repeat offenders', async () => {
    const units = (await first.store.readAll({ after: 0, maxCount: 100_000 })).filter((e) => e.type === 'UnitRegistered');
    expect(units.length).toBe(first.result.units);
    for (const unit of units) expect(isValidCreditCode((unit.data as { creditCode: string }).creditCode)).toBe(true);
    const db = new Database(join(first.dataDir, READ_MODELS_FILE), { readonly: true });
    const busiest = db.prepare('SELECT count(*) AS n FROM rm_hazards GROUP BY unit_id ORDER BY n DESC LIMIT 1').get() as { n: number };
    db.close();
    expect(busiest.n).toBeGreaterThan((2 * options.hazards) / first.result.units);
  });

  it('gives the same city for the same --seed and another for another', async () => {
    const again = await seeded();
    const other = await seeded({ seed: 8 });
    try {
      expect(await streams(again.store)).toEqual(await streams(first.store));
      expect(await streams(other.store)).not.toEqual(await streams(first.store));
    } finally {
      await again.store.close();
      await other.store.close();
    }
  }, 120_000);

  it('refuses a DATA_DIR that already holds events', async () => {
    const config = loadConfig({ DATA_DIR: first.dataDir });
    await expect(runSeed(first.store, config, quiet, options)).rejects.toThrow(/already holds events/);
  });
});
