import { HazardSource } from '../hazard/hazard-values';
import { UnitType } from './unit.values';

/**
 * 自查自报 figures (DESIGN.md): a period's `expected` units are those of UNIT_REPORTING_TYPES registered by its
 * last day; `reported` those with a report for exactly that period; the 瞒报 signal contradicts a zero-hazard
 * declaration, or an expected unit's silence, with a finding by someone else in the period.
 */
export function isExpectedToReport(unit: { readonly type: UnitType; readonly registeredAt: string }, window: { readonly to: string }, reportingTypes: readonly UnitType[]): boolean {
  return reportingTypes.includes(unit.type) && Date.parse(unit.registeredAt) < Date.parse(window.to);
}

/** Findings by these sources contradict a unit's own account of a period. */
export const CONTRADICTING_SOURCES: readonly HazardSource[] = ['inspection', 'citizen-report'];

export const CONCEALMENT_DECLARATIONS = ['zero-hazard', 'not-reported'] as const;
export type ConcealmentDeclaration = (typeof CONCEALMENT_DECLARATIONS)[number];

/** What a unit told of a period that a finding would contradict: a zero-hazard report, or (expected) no report. */
export function declarationOf(latestReport: { readonly zeroHazard: boolean } | undefined, expected: boolean): ConcealmentDeclaration | undefined {
  if (latestReport) return latestReport.zeroHazard ? 'zero-hazard' : undefined;
  return expected ? 'not-reported' : undefined;
}

export interface Finding {
  readonly hazardId: string;
  readonly source: HazardSource;
  readonly discoveredAt: string;
}

/** The hazards with a contradicting finding discovered in [from, to), sorted. */
export function contradictingHazards(findings: readonly Finding[], window: { readonly from: string; readonly to: string }): string[] {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const ids = findings.filter((f) => CONTRADICTING_SOURCES.includes(f.source) && Date.parse(f.discoveredAt) >= from && Date.parse(f.discoveredAt) < to).map((f) => f.hazardId);
  return [...new Set(ids)].sort();
}

export interface ConcealmentSignal {
  readonly period: string;
  readonly declared: ConcealmentDeclaration;
  readonly hazardIds: readonly string[];
}

/** The 瞒报 signal of a unit for a period, if there is one. */
export function concealmentSignal(
  period: string,
  window: { readonly from: string; readonly to: string },
  latestReport: { readonly zeroHazard: boolean } | undefined,
  expected: boolean,
  findings: readonly Finding[],
): ConcealmentSignal | undefined {
  const declared = declarationOf(latestReport, expected);
  if (!declared) return undefined;
  const hazardIds = contradictingHazards(findings, window);
  return hazardIds.length > 0 ? { period, declared, hazardIds } : undefined;
}
