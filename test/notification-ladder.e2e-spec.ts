import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { admin, inspector, rectifier, supervisor } from './support/actors';
import { assignBody, rectificationBody, reportBody } from './support/hazard-requests';
import { eventually, settledScan } from './support/processes-probe';
import { FakeClock, TestApp } from './support/test-app';
import { A, unitBody } from './support/unit-requests';

interface Received {
  readonly path: string;
  readonly key: string;
  readonly body: { dedupeKey: string; rung: string; template: string; subject: string; text: string };
}

const DEADLINE = '2026-03-31T18:00:00+08:00';
const DAY = 86_400_000;
const at = (daysFromDeadline: number, ms = 0) => new Date(Date.parse(DEADLINE) + daysFromDeadline * DAY + ms).toISOString();

/** DESIGN.md "Notifications and the escalation ladder", end to end with a real HTTP receiver. */
describe('the escalation ladder (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  const received: Received[] = [];
  let receiver: Server;
  let t: TestApp;

  beforeAll(async () => {
    receiver = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', key: String(req.headers['idempotency-key']), body: JSON.parse(raw) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const directory = join(mkdtempSync(join(tmpdir(), 'notify-directory-')), 'departments.json');
    writeFileSync(directory, JSON.stringify({
      safetyCommittee: 'dept-safety-committee',
      departments: { 'dept-gas': { name: '区燃气管理办公室', webhookUrl: `${base}/dept-gas` }, 'dept-safety-committee': { name: '区安委办', webhookUrl: `${base}/aqw` } },
    }));
    t = await TestApp.start({ clock, env: { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '3600000', NOTIFY_DIRECTORY: directory, NOTIFY_RETRY_BASE_MS: '10' } });
    await t.as(admin).post('/api/v1/units').send(unitBody(A, { contacts: { webhookUrl: `${base}/unit` } })).expect(201);
  });
  afterAll(async () => {
    await t.stop();
    await new Promise((resolve) => receiver.close(resolve));
  });

  async function assigned(location: string): Promise<string> {
    const { body } = await t.as(inspector).post('/api/v1/hazards').send(reportBody({ unitId: A, location })).expect(201);
    await t.as(supervisor).post(`/api/v1/hazards/${body.hazardId}/assignments`).send(assignBody({ responsibleUnitId: A, deadline: DEADLINE })).expect(200);
    return body.hazardId;
  }
  const to = (id: string) => received.filter((r) => r.body.dedupeKey.startsWith(`${id}/`));
  const deliveredAll = (id: string, n: number) => eventually(async () => {
    const items = (await t.as(admin).get(`/api/v1/hazards/${id}/notifications`).expect(200)).body.items as { status: string }[];
    return items.length === n && items.every((i) => i.status === 'delivered');
  }, `${n} deliveries`);

  it('reminds 7, 3 and 1 days before, sends the overdue notice to unit and department and the 督办函 to 安委办, each once', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const id = await assigned('阶梯 1');
    const revision = (await t.as(admin).get(`/api/v1/hazards/${id}`).expect(200)).headers.etag;
    for (const when of [at(-7), at(-7, 1000), at(-3), at(-1), at(1), at(7)]) {
      clock.set(when);
      await settledScan(t.app);
      await settledScan(t.app);
    }
    await deliveredAll(id, 6);
    expect(to(id).map((r) => `${r.path}:${r.body.rung}`).sort()).toEqual(
      ['/aqw:escalate', '/dept-gas:overdue', '/unit:overdue', '/unit:remind-1d', '/unit:remind-3d', '/unit:remind-7d'].sort(),
    );
    expect(to(id).every((r) => r.key === r.body.dedupeKey)).toBe(true);
    expect(to(id).find((r) => r.body.rung === 'escalate')?.body).toMatchObject({ template: 'duban-letter', subject: expect.stringContaining('督办') });
    // Notices live on their own stream: the hazard's revision (its ETag) moved only with the overdue mark.
    const after = (await t.as(admin).get(`/api/v1/hazards/${id}/history`).expect(200)).body.events.map((e: { type: string }) => e.type);
    expect(after).toEqual(['HazardFound', 'RectificationAssigned', 'RectificationOverdue']);
    expect(revision).toBe('"1"');
    const trail = (await t.as(admin).get(`/api/v1/hazards/${id}/trail`).expect(200)).body;
    expect(trail.cycles[0].notifications).toHaveLength(6);
  });

  it('after downtime sends only the latest due reminder, and none to a hazard rectified before it', async () => {
    clock.set('2026-03-01T00:00:00Z');
    const late = await assigned('停机');
    const fixed = await assigned('已整改');
    await t.as({ ...rectifier, unitId: A }).post(`/api/v1/hazards/${fixed}/rectifications`).send(rectificationBody({ completedAt: '2026-03-01T00:00:00Z' })).expect(200);
    await t.restart(); // the first scan after a start looks at everything due during the downtime
    clock.set(at(-1, 1000));
    await settledScan(t.app);
    await deliveredAll(late, 1);
    expect(to(late).map((r) => r.body.rung)).toEqual(['remind-1d']);
    expect(to(fixed)).toEqual([]);
  });
});
