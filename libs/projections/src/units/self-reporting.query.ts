import type { Database } from 'better-sqlite3';
import { ConcealmentDeclaration, concealmentSignal, isExpectedToReport, UnitType } from '@hazard/domain';
import { inSnapshot, rate } from '../queries/read-model-sql';
import { SelfCheckPeriod } from './self-check-period';
import { contradictingFindingsIn, FindingScope } from './unit-findings.query';
import { unitsWithReportFor } from './unit-registry.query';

export interface MissingReport {
  readonly creditCode: string;
  readonly name: string;
  readonly type: UnitType;
  readonly regionCode: string;
}

export interface ConcealmentEntry {
  readonly creditCode: string;
  readonly name: string;
  readonly declared: ConcealmentDeclaration;
  readonly hazardIds: readonly string[];
}

/** `GET /dashboard/self-reporting` (API.md "Units"). */
export interface SelfReportingFigures {
  readonly period: string;
  readonly expected: number;
  readonly reported: number;
  readonly rate: number;
  readonly missing: MissingReport[];
  readonly concealment: ConcealmentEntry[];
  readonly position: number;
}

export interface SelfReportingQuery {
  readonly period: SelfCheckPeriod;
  /** A region-code prefix; undefined: every region the reader may read. */
  readonly regionCode?: string;
  /** The reader's region prefixes (null: all). */
  readonly regions: readonly string[] | null;
  /** The hazards whose findings may raise a 瞒报 signal for this reader. */
  readonly findings: FindingScope;
  readonly reportingTypes: readonly UnitType[];
}

/**
 * A period's 自查自报 figures over the units in scope (DESIGN.md): expected = units of the reporting types
 * registered before the period's end; reported = those with a report for exactly the period; missing = the
 * rest; concealment = zero-hazard declarations, and expected units' silence, contradicted by findings in it.
 */
export function selfReportingFigures(db: Database, query: SelfReportingQuery): SelfReportingFigures {
  const { period } = query;
  const { result, position } = inSnapshot(db, () => ({
    units: unitsWithReportFor(db, period.period, query.regionCode, query.regions),
    findings: contradictingFindingsIn(db, period, query.findings),
  }));
  let expected = 0;
  let reported = 0;
  const missing: MissingReport[] = [];
  const concealment: ConcealmentEntry[] = [];
  for (const unit of result.units) {
    const isExpected = isExpectedToReport(unit, period, query.reportingTypes);
    if (isExpected) {
      expected += 1;
      if (unit.report) reported += 1;
      else missing.push({ creditCode: unit.creditCode, name: unit.name, type: unit.type, regionCode: unit.regionCode });
    }
    const signal = concealmentSignal(period.period, period, unit.report, isExpected, result.findings.get(unit.creditCode) ?? []);
    if (signal) concealment.push({ creditCode: unit.creditCode, name: unit.name, declared: signal.declared, hazardIds: signal.hazardIds });
  }
  return { period: period.period, expected, reported, rate: rate(reported, expected), missing, concealment, position };
}
