import type { Database } from 'better-sqlite3';
import { evolveUnit, HazardEvent, RegisteredUnit, UnitEvent, unitDecoder } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';
import { ReadModelTables } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';
import type { UnitPage } from './unit-page';

/**
 * 企业登记 and 自查自报 in the read models: a unit stream's event is folded onto the unit's stored state (the
 * domain's own evolveUnit, so a row always equals the stream's fold), and each period's latest report is kept
 * apart for the figures. Runs inside the consumer's batch transaction; the registry row is written by `page`.
 */
export function applyUnitEvent(db: Database, t: ReadModelTables, recorded: RecordedEvent, page: UnitPage): void {
  const creditCode = unitDecoder.idOf(recorded.streamId);
  const event = creditCode === undefined ? undefined : unitDecoder.decode(recorded);
  if (creditCode === undefined || !event) return;
  const state = evolveUnit(page.state(creditCode), event);
  if (!state.exists) return;
  page.set(creditCode, state, recorded.revision, recorded.position);
  keepLatestReport(db, t, state, event);
}

function keepLatestReport(db: Database, t: ReadModelTables, state: RegisteredUnit, event: UnitEvent): void {
  if (event.type !== 'SelfCheckReportSubmitted' && event.type !== 'SelfCheckReportCorrected') return;
  const report = state.reports.find((r) => r.period === event.data.period);
  if (!report) return;
  statement(db, `INSERT OR REPLACE INTO ${t.selfChecks} (credit_code, period, zero_hazard, late) VALUES (?, ?, ?, ?)`).run(
    state.creditCode,
    report.period,
    report.zeroHazard ? 1 : 0,
    report.late ? 1 : 0,
  );
}

/** Every finding of a hazard (first or again), with the unit, sector and region of its first. */
export function applyHazardFinding(db: Database, t: ReadModelTables, hazardId: string, event: HazardEvent, recorded: RecordedEvent): void {
  if (event.type !== 'HazardFound' && event.type !== 'HazardFoundAgain') return;
  const first =
    event.type === 'HazardFound'
      ? event.data
      : (statement(db, `SELECT unit_id AS unitId, sector, region_code AS regionCode FROM ${t.findings} WHERE hazard_id = ? ORDER BY revision LIMIT 1`).get(hazardId) as
          | { unitId: string; sector: string; regionCode: string }
          | undefined);
  if (!first) return;
  statement(
    db,
    `INSERT OR REPLACE INTO ${t.findings} (hazard_id, revision, unit_id, sector, region_code, source, discovered_at, discovered_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(hazardId, recorded.revision, first.unitId, first.sector, first.regionCode, event.data.source, event.data.discoveredAt, Date.parse(event.data.discoveredAt));
}
