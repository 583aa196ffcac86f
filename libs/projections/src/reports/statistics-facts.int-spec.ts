import type { Database } from 'better-sqlite3';
import { filingDecoder, StatisticsReportFiled } from '@hazard/domain';
import { commitBatch, readCheckpoint, RecordedEvent } from '@hazard/event-store';
import { tempStoreFile, TempStoreFile } from '@hazard/event-store/testing';
import { readModelDigest } from '../sqlite/read-model-digest';
import { readModelConsumer } from '../sqlite/read-model.consumer';
import { LIVE_TABLES, READ_MODELS_CONSUMER } from '../sqlite/read-model-schema';
import { openReadModelsDb } from '../sqlite/read-models-db';
import { computeStatistics } from '../statistics/statistics-report';
import { FILED_AT, firstQuarterLog } from '../statistics/testing/first-quarter-log';
import { aCatalogue } from '../statistics/testing/statistics-catalogue.double';
import { q1Query } from '../statistics/testing/statistics.mother';
import { listFilings } from './filings.store';
import { liveStatisticsFacts } from './statistics-facts.store';

const catalogue = aCatalogue();
const byHazard = <T extends { hazardId: string }>(facts: readonly T[]) => [...facts].sort((a, b) => a.hazardId.localeCompare(b.hazardId));

/** Commits the events in batches of `size`, as the projector does: rows and checkpoint in one transaction each. */
function project(db: Database, events: readonly RecordedEvent[], size = 7): void {
  for (let i = 0; i < events.length; i += size) commitBatch(db, readModelConsumer, events.slice(i, i + size));
}

function filed(position: number, data: Partial<StatisticsReportFiled['data']> = {}): RecordedEvent {
  const filingId = data.filingId ?? 'f0000000-0000-5000-8000-000000000001';
  const event: StatisticsReportFiled['data'] = {
    filingId, period: '2026Q1', from: '2026-01-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', timeZone: 'Asia/Shanghai', regionCode: '3301', sectors: ['gas'],
    groupBy: 'region', rowKeys: ['330102'], position: position - 1, digest: 'd'.repeat(64), definitionVersion: 1, catalogueVersion: 'c'.repeat(64),
    filedBy: 'sup-zhao', filedByDepartment: 'dept-gas', ...data,
  };
  const commandId = `filing-command-${position}`;
  return {
    id: `filing-event-${position}`, streamId: filingDecoder.streamIdFor(filingId), revision: 0, position, recordedAt: FILED_AT, type: 'StatisticsReportFiled', data: event,
    metadata: { commandId, correlationId: commandId, causationId: commandId, actor: { userId: 'sup-zhao', departmentId: 'dept-gas', roles: ['supervisor'] }, occurredAt: FILED_AT, schemaVersion: 1 },
  };
}

describe('read models: statistics facts and filings, kept by the projector', () => {
  const log = firstQuarterLog();
  let temp: TempStoreFile;
  const dbs: Database[] = [];
  const open = (): Database => {
    const db = openReadModelsDb(temp.file);
    dbs.push(db);
    return db;
  };

  beforeEach(() => {
    temp = tempStoreFile('statistics-facts-');
  });
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    temp.remove();
  });

  it('holds, per hazard, the facts the recomputation folds from the log, at every position', () => {
    const db = open();
    for (const position of [5, 20, log.head - 1, log.head]) {
      project(db, log.events(position).filter((e) => e.position > readCheckpoint(db, READ_MODELS_CONSUMER)));
      const live = liveStatisticsFacts(db);

      expect(live.position).toBe(position);
      expect(byHazard(live.facts)).toEqual(byHazard(log.facts(position)));
      expect(computeStatistics(live.facts, q1Query(), catalogue)).toEqual(computeStatistics(log.facts(position), q1Query(), catalogue));
    }
  });

  it('reads only the region asked for', () => {
    const db = open();
    project(db, log.events());

    const shangcheng = liveStatisticsFacts(db, { regionCode: '330102' }).facts;
    expect(shangcheng.map((h) => h.regionCode)).toEqual(['330102', '330102', '330102']); // A, B and F
    expect(liveStatisticsFacts(db, { regionCode: '3302' }).facts).toHaveLength(1); // G
  });

  it('lists filings newest first, by period and region prefix; the digest covers both tables', () => {
    const db = open();
    project(db, log.events());
    const before = readModelDigest(db);
    project(db, [filed(log.head + 1), filed(log.head + 2, { filingId: 'f0000000-0000-5000-8000-000000000002', regionCode: '330102', sectors: null, period: '2026-03' })]);

    expect(listFilings(db).items.map((f) => [f.filingId.slice(-1), f.period, f.regionCode, f.sectors])).toEqual([
      ['2', '2026-03', '330102', null],
      ['1', '2026Q1', '3301', ['gas']],
    ]);
    expect(listFilings(db, { period: '2026Q1' }).items[0]).toEqual({
      filingId: 'f0000000-0000-5000-8000-000000000001', period: '2026Q1', regionCode: '3301', sectors: ['gas'], groupBy: 'region', position: log.head,
      digest: 'd'.repeat(64), filedBy: 'sup-zhao', filedAt: FILED_AT,
    });
    expect(listFilings(db, { regionCode: '330102' }).items).toHaveLength(1);
    expect(listFilings(db, { regionCode: '33' }).position).toBe(log.head + 2);
    const after = readModelDigest(db);
    expect(after.tables.filings.rows).toBe(2);
    expect(after.tables.facts).toEqual(before.tables.facts);
    expect(after.digest).not.toBe(before.digest);
  });

  it('models built before a table existed are dropped and rebuilt from position 0, not served with a hole', () => {
    const db = open();
    project(db, log.events());
    const built = readModelDigest(db);
    db.exec(`DROP TABLE ${LIVE_TABLES.facts}`); // as a read-models file from before the facts table
    db.close();
    dbs.splice(0);

    const reopened = open();
    expect(readCheckpoint(reopened, READ_MODELS_CONSUMER)).toBe(0);
    expect(readModelDigest(reopened).tables.hazards.rows).toBe(0);
    project(reopened, log.events());
    expect(readModelDigest(reopened)).toEqual(built);
  });
});
