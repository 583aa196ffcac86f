import type { Database } from 'better-sqlite3';
import { Actor, canRead, ExistingHazard, readScopeOf } from '@hazard/domain';
import { SqliteEventStore } from '@hazard/event-store';
import { tempStoreFile, TempStoreFile } from '@hazard/event-store/testing';
import { appendInterleaved, scriptedHistories } from '../testing/scripted-log';
import { liveStatisticsFacts } from '../reports/statistics-facts.store';
import { openReadModelsDb } from '../sqlite/read-models-db';
import { rebuildReadModels } from '../sqlite/rebuild';
import { dashboardSummary } from './dashboard-summary.query';
import { overdueHazards, repeatUnits } from './dashboard-lists.query';
import { departmentScorecards } from './department-scorecards.query';
import { hazardReadFacts } from './hazard-read-facts.query';
import { listHazards } from './hazard-list.query';

const NOW = new Date('2026-04-15T00:00:00Z');
const actor = (roles: Actor['roles'], more: Partial<Actor> = {}): Actor => ({ userId: 'u', departmentId: 'd', roles, ...more });
const READERS: [string, Actor][] = [
  ['a gas inspector of 3301', actor(['inspector'], { sectors: ['gas'], regions: ['3301'] })],
  ['a supervisor of two sectors in two districts', actor(['supervisor'], { sectors: ['gas', 'fire'], regions: ['330102', '330201'] })],
  ['a tip officer of every sector in 3302', actor(['tip-officer'], { sectors: ['*'], regions: ['3302'] })],
  ['the rectifier of the unit everything is assigned to', actor(['rectifier'], { unitId: 'UNIT-GASCO' })],
  ['the rectifier of a unit with self-check reports', actor(['rectifier'], { unitId: 'UNIT-1' })],
  ['a rectifier who is also a fire inspector', actor(['rectifier', 'inspector'], { unitId: 'UNIT-3', sectors: ['fire'], regions: ['33'] })],
];
const noSectors = actor(['inspector'], { sectors: [], regions: ['*'] });
/** Every sector and region of the scripted log, but as an area: the scoped SQL, answering what the unscoped one does. */
const everythingAsArea = actor(['inspector'], { sectors: ['gas', 'fire', 'construction'], regions: ['33'] });

/** The scope in SQL (lists, figures, statistics facts) picks exactly the hazards canRead lets the actor read. */
describe('read scope in SQL = canRead, over a scripted log', () => {
  let temp: TempStoreFile;
  let store: SqliteEventStore;
  let db: Database;
  let states: ExistingHazard[];
  const readable = (a: Actor) => states.filter((s) => canRead(a, s)).map((s) => s.hazardId).sort();

  beforeAll(async () => {
    temp = tempStoreFile('read-scope-');
    store = SqliteEventStore.open({ file: temp.file, pollIntervalMs: 20 });
    await appendInterleaved(store, scriptedHistories(120));
    db = openReadModelsDb(':memory:');
    await rebuildReadModels(store, db);
    states = (db.prepare('SELECT state FROM rm_hazards').all() as { state: string }[]).map((r) => JSON.parse(r.state) as ExistingHazard);
  });
  afterAll(async () => {
    db.close();
    await store.close();
    temp.remove();
  });

  it.each(READERS)('%s: the list, its total and the summary cover the readable hazards only', (_, reader) => {
    const scope = readScopeOf(reader);
    const expected = readable(reader);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(states.length);
    const page = listHazards(db, {}, { page: 1, pageSize: 500 }, NOW, scope);
    expect(page.items.map((i) => i.hazardId).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
    expect(listHazards(db, { status: 'assigned' }, { page: 1, pageSize: 500 }, NOW, scope).items.every((i) => expected.includes(i.hazardId))).toBe(true);
    expect(dashboardSummary(db, NOW, scope).total).toBe(expected.length);
    expect(liveStatisticsFacts(db, { scope }).facts.map((f) => f.hazardId).sort()).toEqual(expected);
  });

  it.each(READERS)('%s: overdue hazards, repeat units and scorecards count the readable hazards only', (_, reader) => {
    const scope = readScopeOf(reader);
    const expected = readable(reader);
    const overdueAll = overdueHazards(db, NOW).items.map((i) => i.hazardId);
    expect(overdueHazards(db, NOW, -1, scope).items.map((i) => i.hazardId)).toEqual(overdueAll.filter((id) => expected.includes(id)));
    const units = new Set(states.filter((s) => expected.includes(s.hazardId) && s.repeatFindings > 0).map((s) => s.unitId));
    expect(repeatUnits(db, -1, scope).items.map((u) => u.unitId).sort()).toEqual([...units].sort());
    const assigned = departmentScorecards(db, NOW, scope).items.reduce((sum, d) => sum + d.assigned, 0);
    const cycles = db.prepare('SELECT hazard_id FROM rm_cycles WHERE supervising_department IS NOT NULL').all() as { hazard_id: string }[];
    expect(assigned).toBe(cycles.filter((c) => expected.includes(c.hazard_id)).length);
  });

  it('scoped to everything, the figures equal the unscoped ones (the units table, the cycles, the summary)', () => {
    const scope = readScopeOf(everythingAsArea);
    expect(repeatUnits(db, -1, scope).items).toEqual(repeatUnits(db).items);
    expect(departmentScorecards(db, NOW, scope).items).toEqual(departmentScorecards(db, NOW).items);
    expect(dashboardSummary(db, NOW, scope)).toEqual(dashboardSummary(db, NOW));
    expect(overdueHazards(db, NOW, -1, scope).items.length).toBeGreaterThan(0);
  });

  it('a reader of no sector reads nothing, and every query still has a plan', () => {
    const scope = readScopeOf(noSectors);
    expect(listHazards(db, {}, { page: 1, pageSize: 20 }, NOW, scope).total).toBe(0);
    expect(listHazards(db, { overdue: true }, { page: 1, pageSize: 20 }, NOW, scope).total).toBe(0);
    expect(dashboardSummary(db, NOW, scope)).toMatchObject({ total: 0, overdue: 0, majorOpen: 0 });
    expect([overdueHazards(db, NOW, -1, scope), repeatUnits(db, -1, scope), departmentScorecards(db, NOW, scope)].map((l) => l.items)).toEqual([[], [], []]);
  });

  it('a reader the source is hidden from gets no bySource', () => {
    expect(dashboardSummary(db, NOW, readScopeOf(READERS[3]![1]))).not.toHaveProperty('bySource');
    expect(dashboardSummary(db, NOW, readScopeOf(READERS[5]![1]))).toHaveProperty('bySource');
  });

  it('the read facts /stream checks are the folded state’s', () => {
    const facts = hazardReadFacts(db, [...states.map((s) => s.hazardId), 'not-a-hazard']);
    expect(facts.size).toBe(states.length);
    for (const s of states) {
      expect(facts.get(s.hazardId)).toEqual({ sector: s.sector, regionCode: s.regionCode, unitId: s.unitId, assignedUnitIds: s.assignedUnitIds, selfReported: s.selfReported });
    }
  });
});
