import { SseClient } from './support/sse-client';
import { FakeClock, TestApp, TestClaims } from './support/test-app';
import { binary, buildWorld, DEPARTMENT_OF, HazardName, HAZARDS, READERS, sheetText, UNIT_OF, World, WORKED_ON } from './support/read-scope-world';

/** An id no hazard has: out of scope must answer exactly what this one does. */
const UNKNOWN = '6d1f3c2a-0000-4000-8000-000000000000';
/** What a rectifier never gets, in any answer (the hash chain would let it try each source until one fits). */
const SOURCE_TRACES = /"source"|"tipNo"|"selfReported"|bySource|"prevHash"|"hash"/;

type Reader = (typeof READERS)[number];
const SINGLE_READS: readonly [string, (id: string) => string][] = [
  ['/hazards/:id', (id) => `hazards/${id}`],
  ['/hazards/:id/history', (id) => `hazards/${id}/history`],
  ['/hazards/:id/state', (id) => `hazards/${id}/state?revision=0`],
  ['/hazards/:id/trail', (id) => `hazards/${id}/trail`],
  ['/hazards/:id/integrity', (id) => `hazards/${id}/integrity`],
];
const SINGLE_CASES = READERS.flatMap((reader) =>
  HAZARDS.flatMap((hazard) => SINGLE_READS.map(([route, path]) => [reader.role, route, hazard, reader.reads.includes(hazard) ? 'reads it' : 'gets 404', reader, path] as const)),
);

/** API.md "Read scope": every role × every hazard read route, on the real app. */
describe('read scope: who reads which hazard, on every read route (e2e)', () => {
  const clock = new FakeClock(new Date('2026-03-01T00:00:00Z'));
  const streams = new Map<string, SseClient>();
  let t: TestApp;
  let world: World;
  const get = (claims: TestClaims, path: string) => t.as(claims).get(`/api/v1/${path}`);
  const download = (claims: TestClaims, path: string) => get(claims, path).buffer(true).parse(binary).expect(200);

  beforeAll(async () => {
    t = await TestApp.start({ clock, env: { SUPERVISE_MAJOR: 'false', DEADLINE_SCAN_MS: '86400000' } });
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    for (const reader of READERS) {
      const client = await SseClient.open(`${url}/api/v1/stream`, { Authorization: `Bearer ${t.token(reader.claims)}` });
      await client.until((c) => c.comments.includes('connected'));
      streams.set(reader.role, client);
    }
    world = await buildWorld(t, clock);
  });
  afterAll(async () => {
    streams.forEach((client) => client.close());
    await t.stop();
  });

  it.each(SINGLE_CASES)('%s, GET %s of %s: %s', async (_role, route, hazard, _outcome, reader, path) => {
    const id = world.ids[hazard];
    const res = await get(reader.claims, path(id));
    if (!reader.reads.includes(hazard)) {
      const unknown = await get(reader.claims, path(UNKNOWN)).expect(404);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('HAZARD.NOT_FOUND');
      expect(res.text).toBe(unknown.text.replaceAll(UNKNOWN, id));
      return;
    }
    expect(res.status).toBe(200);
    if (route.endsWith('integrity')) expect(res.body).toMatchObject({ valid: true });
    else expect(res.text).toContain(id);
    if (reader.hidesSource) expect(res.text).not.toMatch(SOURCE_TRACES);
    else if (!/trail|integrity/.test(route)) expect(res.text).toContain('"source"'); // the trail shows it only on refindings
  });

  describe.each(READERS)('$role', (reader: Reader) => {
    const readable = (among: readonly HazardName[] = HAZARDS) => among.filter((h) => reader.reads.includes(h));
    const idsOf = (names: readonly HazardName[]) => names.map((h) => world.ids[h]).sort();
    /** Which of our hazards (or their units, departments) a text names. */
    const named = (text: string, of: (h: HazardName) => string | undefined) => WORKED_ON.filter((h) => text.includes(of(h)!));

    it('GET /hazards lists the readable hazards only', async () => {
      const res = await get(reader.claims, 'hazards?pageSize=200').expect(200);
      expect(res.body.items.map((i: { hazardId: string }) => i.hazardId).sort()).toEqual(idsOf(readable()));
      expect(res.body.total).toBe(readable().length);
      expect(res.text).toMatch(reader.hidesSource ? /^(?!.*"source")/s : /"source"/);
    });

    it('GET /dashboard/summary counts the readable hazards only; a rectifier gets no bySource', async () => {
      const res = await get(reader.claims, 'dashboard/summary').expect(200);
      expect(res.body).toMatchObject({ total: readable().length, overdue: readable(WORKED_ON).length });
      expect(res.body.bySector).toEqual(Object.fromEntries(['fire', 'gas'].map((s) => [s, readable().filter((h) => (h === 'F' ? 'fire' : 'gas') === s).length]).filter(([, n]) => n)));
      if (reader.hidesSource) expect(res.text).not.toMatch(SOURCE_TRACES);
      else expect(Object.values(res.body.bySource as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(readable().length);
    });

    it('the overdue list, repeat units and scorecards hold the readable hazards only, as JSON, CSV and XLSX', async () => {
      const overdue = await get(reader.claims, 'dashboard/overdue').expect(200);
      expect(overdue.body.items.map((i: { hazardId: string }) => i.hazardId).sort()).toEqual(idsOf(readable(WORKED_ON)));
      const units = await get(reader.claims, 'dashboard/repeat-units').expect(200);
      expect(units.body.items.map((u: { unitId: string }) => u.unitId).sort()).toEqual(readable(WORKED_ON).map((h) => UNIT_OF[h]).sort());
      const departments = await get(reader.claims, 'dashboard/departments').expect(200);
      expect(departments.body.items.map((d: { department: string }) => d.department).sort()).toEqual(readable(WORKED_ON).map((h) => DEPARTMENT_OF[h]).sort());
      for (const format of ['csv', 'xlsx'] as const) {
        const text = async (list: string) => {
          const body = (await download(reader.claims, `dashboard/${list}?format=${format}`)).body as Buffer;
          return format === 'csv' ? body.toString('utf8') : sheetText(body);
        };
        expect(named(await text('overdue'), (h) => world.ids[h])).toEqual(readable(WORKED_ON));
        expect(named(await text('repeat-units'), (h) => UNIT_OF[h])).toEqual(readable(WORKED_ON));
        expect(named(await text('departments'), (h) => DEPARTMENT_OF[h])).toEqual(readable(WORKED_ON));
      }
    });

    it('GET /reports/statistics counts the readable hazards only (a rectifier: 403)', async () => {
      const res = await get(reader.claims, 'reports/statistics?period=2026Q1');
      if (reader.hidesSource) return void expect(res.status).toBe(403);
      expect(res.status).toBe(200);
      expect(res.body.total.found).toBe(readable().length);
    });

    it('GET /stream sends the changes of hazards it may read after the change, and no others', async () => {
      await streams.get('reviewer')!.until((c) => c.messages.some((m) => Number(m.id) === world.last));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const changes = streams.get(reader.role)!.messages.map((m) => JSON.parse(m.data) as { hazardId: string; type: string });
      const seen = changes.map((c) => world.nameOf(c.hazardId));
      expect([...new Set(seen)].sort()).toEqual([...reader.reads].sort());
      expect(seen.every((name) => name !== undefined)).toBe(true);
      // Its first change of each hazard: the report, unless the hazard became readable only when assigned to its unit.
      const firstOf = (h: HazardName) => changes.find((c) => c.hazardId === world.ids[h])?.type;
      for (const h of reader.reads) expect(firstOf(h)).toBe(reader.hidesSource && h !== 'S' ? 'RectificationAssigned' : 'HazardFound');
      expect(changes.map((c) => JSON.stringify(c)).join('')).not.toMatch(SOURCE_TRACES);
    });

    it('GET /integrity (store-wide): reviewer and admin only, 403 for anyone else', async () => {
      const res = await get(reader.claims, 'integrity');
      if (reader.reads.length === HAZARDS.length) expect(res.body).toMatchObject({ valid: true, streams: HAZARDS.length });
      else expect([res.status, res.body.code]).toEqual([403, 'ACCESS.FORBIDDEN']);
    });
  });
});
