import { SqliteEventStore } from '@hazard/event-store';
import { openReadModelsDb, READ_MODELS_FILE, readModelDigest, rebuildReadModels } from '@hazard/projections';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CliIo } from '../apps/cli/src/cli-io';
import { runRebuild } from '../apps/cli/src/rebuild.command';
import { admin, inspector, inspector2, otherRectifier, rectifier, reviewer, supervisor, supervisor2 } from './support/actors';
import { assignBody, planBody, rectificationBody, reportBody } from './support/hazard-requests';
import { FakeClock, TestApp } from './support/test-app';

const env = { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' };

describe('read side: incremental build across a restart equals a rebuild from zero (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  let t: TestApp;
  let store: SqliteEventStore;
  let last = 0;

  const track = async <T extends { body: { position: number } }>(request: PromiseLike<T>): Promise<T> => {
    const res = await request;
    last = Math.max(last, res.body.position);
    return res;
  };
  /** The read models have caught up with every write so far (read-your-writes on the summary). */
  const caughtUp = async () => (await t.as(reviewer).get(`/api/v1/dashboard/summary?minPosition=${last}`).expect(200)).body;
  const liveDigest = () => {
    const db = openReadModelsDb(join(t.dataDir, READ_MODELS_FILE)); // a second connection, as another process would
    try {
      return readModelDigest(db);
    } finally {
      db.close();
    }
  };
  const fromZero = async () => {
    const db = openReadModelsDb(join(t.dataDir, `fresh-${Date.now()}.sqlite`));
    try {
      await rebuildReadModels(store, db);
      return readModelDigest(db);
    } finally {
      db.close();
    }
  };

  /** One of several lifecycles, through the REST API, so the log holds every kind of event the projection handles. */
  async function walk(n: number): Promise<void> {
    const body = reportBody({ level: n % 3 === 0 ? 'major' : 'general', unitId: n % 2 ? 'UNIT-GASCO' : 'UNIT-OTHER', source: n % 2 ? 'inspection' : 'media' });
    const id = (await track(t.as(inspector).post('/api/v1/hazards').send(body).expect(201))).body.hazardId;
    const post = (who: typeof admin, path: string, payload: object) => track(t.as(who).post(`/api/v1/hazards/${id}/${path}`).send(payload).expect(200));
    const unit = n % 2 ? rectifier : otherRectifier;
    if (n % 5 === 4) return void (await track(t.as(inspector2).post('/api/v1/hazards').send(body).expect(200)));
    await post(supervisor, 'assignments', assignBody({ responsibleUnitId: body.unitId, supervisingDepartment: n % 4 ? 'dept-gas' : 'dept-emergency' }));
    if (n % 3 === 0) {
      await post(admin, 'supervision', { authorityLevel: 'city', reason: 'manual' });
      await post(unit, 'plan', planBody);
    }
    if (n % 5 === 1) return;
    await post(unit, 'extension-requests', { newDeadline: '2026-04-30T18:00:00+08:00', reason: '设备到货延迟' });
    await post(supervisor, 'extension-decisions', { approved: n % 2 === 0, reason: '研究决定' });
    await post(unit, 'rectifications', rectificationBody({ completedAt: '2026-02-28T17:00:00+08:00' }));
    if (n % 5 === 2) return void (await post(supervisor, 'verifications', { passed: false, notes: '未整改到位' }));
    if (n % 3 === 0) return; // a supervised major hazard stays rectified: verifying it would let the saga lift its supervision
    await post(supervisor2, 'verifications', { passed: true, notes: '通过' });
    if (n % 2) await track(t.as(inspector2).post('/api/v1/hazards').send(body).expect(200));
    else await post(supervisor, 'reopenings', { reason: '群众投诉' });
  }

  beforeAll(async () => {
    t = await TestApp.start({ clock, env });
    store = SqliteEventStore.open({ file: join(t.dataDir, 'events.sqlite') });
  });
  afterAll(async () => {
    await store.close();
    await t.stop();
  });

  it('builds incrementally, restarts in the middle, and ends equal to a rebuild from position 0', async () => {
    for (let n = 0; n < 8; n++) await walk(n);
    const before = await caughtUp();
    expect(before.total).toBe(8);

    await t.restart(); // the projector resumes from its checkpoint on the same DATA_DIR
    expect((await caughtUp()).position).toBe(before.position); // nothing re-applied, nothing lost
    for (let n = 8; n < 16; n++) await walk(n);
    const after = await caughtUp();
    expect(after.total).toBe(16);
    expect(after.position).toBe(await store.headPosition());

    const incremental = liveDigest();
    expect(incremental.tables.hazards.rows).toBe(16);
    expect(incremental.tables.cycles.rows).toBeGreaterThan(10);
    expect(await fromZero()).toEqual(incremental);
  });

  it('`rebuild` swaps fresh models in while the server runs, with progress; the projector carries on from its checkpoint', async () => {
    await caughtUp();
    const before = liveDigest();
    let out = '';
    const io: CliIo = { out: (s) => void (out += s), err: () => undefined };
    const progress: [number, number][] = [];
    expect(await runRebuild(store, t.dataDir, io, (done, total) => progress.push([done, total]))).toBe(0);
    expect(out).toMatch(new RegExp(`^rebuilt read models from ${last} events to position ${last} in \\d+ ms: 16 hazards, \\d+ cycles, \\d+ units; digest ${before.digest}\\n$`));
    expect(progress[progress.length - 1]).toEqual([last, last]);
    expect(liveDigest()).toEqual(before);

    for (let n = 16; n < 20; n++) await walk(n); // the server's projector writes the swapped-in tables
    expect((await caughtUp()).total).toBe(20);
    expect(liveDigest()).toEqual(await fromZero());
  });

  it('a replica that lost its read models catches up from position 0 on start', async () => {
    const before = liveDigest();
    await t.stop({ keepData: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(t.dataDir, `${READ_MODELS_FILE}${suffix}`), { force: true });
    t = await TestApp.start({ clock, env, dataDir: t.dataDir });
    const summary = await caughtUp();
    expect(summary.total).toBe(20);
    expect(liveDigest()).toEqual(before);
  });
});
