import { ConcealmentSignal, concealmentSignal, CONTRADICTING_SOURCES, Finding, isExpectedToReport, RegisteredUnit, UnitType } from '@hazard/domain';
import { periodKindOf, selfCheckPeriod, selfCheckPeriodOf } from './self-check-period';

export interface SelfReportingRules {
  readonly reportingTypes: readonly UnitType[];
  readonly timeZone: string;
}

/**
 * A unit's 瞒报 signals over its history: each period it declared zero hazards in, and each period of its
 * cadence (the kind of its latest report; months when it has none) in which someone else found a hazard of
 * it while it was expected and did not report. The same rule the dashboard applies to one period.
 */
export function unitConcealmentSignals(unit: RegisteredUnit, findings: readonly Finding[], rules: SelfReportingRules): ConcealmentSignal[] {
  const latest = unit.reports[unit.reports.length - 1];
  const cadence = latest ? periodKindOf(latest.period) : 'month';
  const periods = new Set(unit.reports.map((r) => r.period));
  for (const finding of findings) {
    if (CONTRADICTING_SOURCES.includes(finding.source)) periods.add(selfCheckPeriodOf(finding.discoveredAt, cadence, rules.timeZone));
  }
  const signals: ConcealmentSignal[] = [];
  for (const period of [...periods].sort()) {
    const window = selfCheckPeriod(period, rules.timeZone);
    const report = unit.reports.find((r) => r.period === period);
    const signal = concealmentSignal(period, window, report, isExpectedToReport(unit, window, rules.reportingTypes), findings);
    if (signal) signals.push(signal);
  }
  return signals;
}
