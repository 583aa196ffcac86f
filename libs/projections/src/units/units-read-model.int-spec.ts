import type { Database } from 'better-sqlite3';
import { HazardEvent, hazardIdFor, streamIdFor, UnitEvent, unitDecoder } from '@hazard/domain';
import { SqliteEventStore } from '@hazard/event-store';
import { tempStoreFile, TempStoreFile, testEvent } from '@hazard/event-store/testing';
import { join } from 'node:path';
import { hazardFound, hazardFoundAgain } from '../../../domain/src/testing/hazard.mother';
import { CREDIT_CODE, OTHER_CREDIT_CODE, reportCorrected, reportSubmitted, unitRegistered } from '../../../domain/src/unit/testing/unit.mother';
import { foldUnit } from '../../../domain/src/unit/testing/unit-spec';
import { readModelDigest } from '../sqlite/read-model-digest';
import { readModelConsumer } from '../sqlite/read-model.consumer';
import { openReadModelsDb } from '../sqlite/read-models-db';
import { rebuildReadModels } from '../sqlite/rebuild';
import { runUntil } from '../testing/run-until';
import { selfCheckPeriod } from './self-check-period';
import { selfReportingFigures } from './self-reporting.query';
import { unitConcealmentSignals } from './unit-concealment';
import { contradictingFindingsOf } from './unit-findings.query';
import { listUnitRows, unitRow } from './unit-registry.query';

const TZ = 'Asia/Shanghai';
const TYPES = ['high-risk', 'above-scale', 'crowded-place'] as const;
const OTHER_TYPE = '91330105MA2E00001X';
const LATE_REGISTERED = '91330102MA2F000011';
const ALL = { sectors: null, regions: null };

const key = (unitId: string, location: string) => ({ unitId, location, categoryCode: 'GAS-PIPE-AGING' });
const inspected = hazardIdFor(key(CREDIT_CODE, '1号楼'));
const selfChecked = hazardIdFor(key(CREDIT_CODE, '2号楼'));
const citizenReported = hazardIdFor(key(OTHER_CREDIT_CODE, '3号楼'));

/** 2026-03 in 上城区: A declared zero hazards but was inspected; B never reported and was reported by a citizen. */
const units: [string, UnitEvent[]][] = [
  [CREDIT_CODE, [unitRegistered(), reportSubmitted({ zeroHazard: true, hazardIds: [] })]],
  [OTHER_CREDIT_CODE, [unitRegistered({ creditCode: OTHER_CREDIT_CODE, name: '乙公司', type: 'above-scale' })]],
  [OTHER_TYPE, [unitRegistered({ creditCode: OTHER_TYPE, name: '丙公司', type: 'other', regionCode: '330105' })]],
  [LATE_REGISTERED, [unitRegistered({ creditCode: LATE_REGISTERED, name: '丁公司', registeredAt: '2026-04-01T00:00:00+08:00' })]],
];
const hazards: [string, HazardEvent[]][] = [
  [inspected, [hazardFound({ ...key(CREDIT_CODE, '1号楼'), hazardId: inspected, discoveredAt: '2026-03-20T10:00:00+08:00' })]],
  [selfChecked, [hazardFound({ ...key(CREDIT_CODE, '2号楼'), hazardId: selfChecked, source: 'self-check', discoveredAt: '2026-03-05T10:00:00+08:00' })]],
  [
    citizenReported,
    [
      hazardFound({ ...key(OTHER_CREDIT_CODE, '3号楼'), hazardId: citizenReported, sector: 'fire', source: 'self-check', discoveredAt: '2026-02-10T10:00:00+08:00' }),
      hazardFoundAgain({ hazardId: citizenReported, source: 'citizen-report', discoveredAt: '2026-03-10T10:00:00+08:00' }),
    ],
  ],
];

describe('the registry and self-reporting read models', () => {
  let temp: TempStoreFile;
  let store: SqliteEventStore;
  let db: Database;
  let head = 0;

  beforeAll(async () => {
    temp = tempStoreFile('units-');
    store = SqliteEventStore.open({ file: temp.file, pollIntervalMs: 20 });
    const append = async (streamId: string, events: readonly { type: string; data: unknown }[]) => {
      for (const [revision, e] of events.entries()) head = (await store.append(streamId, [testEvent({ type: e.type, data: e.data })], { expectedRevision: revision - 1 })).position;
    };
    for (const [code, events] of units) await append(unitDecoder.streamIdFor(code), events);
    for (const [id, events] of hazards) await append(streamIdFor(id), events);
    db = openReadModelsDb(join(temp.file, '..', 'read-models.sqlite'));
    await runUntil(store, db, readModelConsumer, head, 3);
  });
  afterAll(async () => {
    db.close();
    await store.close();
    temp.remove();
  });

  it('keeps each unit’s state as the stream folds it, and lists by region within the reader’s regions', () => {
    expect(unitRow(db, CREDIT_CODE).unit).toEqual(foldUnit(units[0]![1]));
    const page = listUnitRows(db, {}, ['330102'], { page: 1, pageSize: 10 });
    expect(page.units.map((u) => u.creditCode)).toEqual([CREDIT_CODE, OTHER_CREDIT_CODE, LATE_REGISTERED].sort());
    expect(listUnitRows(db, { type: 'other' }, null, { page: 1, pageSize: 10 }).total).toBe(1);
    expect(page.position).toBe(head);
  });

  it('counts expected, reported, rate, missing and 瞒报 signals for a period', () => {
    const figures = selfReportingFigures(db, { period: selfCheckPeriod('2026-03', TZ), regions: null, findings: ALL, reportingTypes: TYPES });

    expect(figures).toEqual({
      period: '2026-03',
      expected: 2,
      reported: 1,
      rate: 0.5,
      missing: [{ creditCode: OTHER_CREDIT_CODE, name: '乙公司', type: 'above-scale', regionCode: '330102' }],
      concealment: [
        { creditCode: CREDIT_CODE, name: '杭州某某燃气有限公司', declared: 'zero-hazard', hazardIds: [inspected] },
        { creditCode: OTHER_CREDIT_CODE, name: '乙公司', declared: 'not-reported', hazardIds: [citizenReported] },
      ],
      position: head,
    });
  });

  it('covers only the region asked and the hazards the reader may read', () => {
    const query = { period: selfCheckPeriod('2026-03', TZ), reportingTypes: TYPES };
    expect(selfReportingFigures(db, { ...query, regionCode: '330105', regions: null, findings: ALL })).toMatchObject({ expected: 0, reported: 0, rate: 0, missing: [] });
    expect(selfReportingFigures(db, { ...query, regions: ['3301'], findings: { sectors: ['gas'], regions: ['3301'] } }).concealment.map((c) => c.declared)).toEqual(['zero-hazard']);
  });

  it('finds a unit’s signals over its history, and a correction listing hazards ends the zero-hazard one', () => {
    const unit = unitRow(db, CREDIT_CODE).unit!;
    if (!unit.exists) throw new Error('registered');
    const findings = contradictingFindingsOf(db, [CREDIT_CODE], ALL).get(CREDIT_CODE) ?? [];
    const rules = { reportingTypes: TYPES, timeZone: TZ };

    expect(unitConcealmentSignals(unit, findings, rules)).toEqual([{ period: '2026-03', declared: 'zero-hazard', hazardIds: [inspected] }]);
    const corrected = foldUnit([...units[0]![1], reportCorrected({ hazardIds: [selfChecked] })]);
    if (!corrected.exists) throw new Error('registered');
    expect(unitConcealmentSignals(corrected, findings, rules)).toEqual([]);
  });

  it('is rebuilt from position 0 to the same rows', async () => {
    const rebuilt = openReadModelsDb(join(temp.file, '..', 'rebuilt.sqlite'));
    await rebuildReadModels(store, rebuilt);
    expect(readModelDigest(rebuilt).tables.registry).toEqual(readModelDigest(db).tables.registry);
    expect(readModelDigest(rebuilt)).toEqual(readModelDigest(db));
    expect(readModelDigest(db).tables.findings.rows).toBe(4);
    rebuilt.close();
  });

  it('leaves the same registry rows whether a unit is kept across pages, re-read every page or folded event by event', async () => {
    const byEvent = openReadModelsDb(join(temp.file, '..', 'by-event.sqlite'));
    await runUntil(store, byEvent, readModelConsumer, head, 1);
    expect(readModelDigest(byEvent)).toEqual(readModelDigest(db));
    for (const [pageSize, keepUnits] of [[1, 0], [1, 1], [2, 1], [3, 100]] as const) {
      const rebuilt = openReadModelsDb(join(temp.file, '..', `rebuilt-${pageSize}-${keepUnits}.sqlite`));
      await rebuildReadModels(store, rebuilt, { pageSize, keepUnits, transactionMs: 0 });
      expect(readModelDigest(rebuilt)).toEqual(readModelDigest(db));
      rebuilt.close();
    }
    byEvent.close();
  });
});
