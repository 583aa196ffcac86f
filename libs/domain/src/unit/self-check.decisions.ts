import { CorrectSelfCheckReport, SubmitSelfCheckReport } from './unit.commands';
import { SelfCheckContentError, UnitConflictError, UnitNotFoundError, UnitRuleError } from './unit.errors';
import { SelfCheckReportCorrected, SelfCheckReportData, SelfCheckReportSubmitted } from './unit.events';
import { RegisteredUnit, reportFor, UnitState } from './unit.state';
import { NamedHazard, SelfCheckWindow } from './unit.values';

/** 自查自报 once per period, for a period that has begun; `late` from local midnight after the 15th of the month after it. */
export function submitSelfCheckReport(command: SubmitSelfCheckReport, state: UnitState): SelfCheckReportSubmitted[] {
  const unit = registered(state, command.creditCode);
  const { period, window } = command.data;
  const earlier = reportFor(unit, period);
  if (earlier) {
    throw new UnitConflictError('UNIT.PERIOD_ALREADY_REPORTED', `unit ${unit.creditCode} already reported ${period} (at ${earlier.submittedAt}); correct that report instead`, {
      creditCode: unit.creditCode,
      period,
    });
  }
  if (Date.parse(command.now) < Date.parse(window.from)) {
    throw new UnitRuleError('UNIT.PERIOD_IN_FUTURE', `period ${period} begins at ${window.from}: a period is reported once it has begun`, { period, from: window.from });
  }
  const content = checkedContent(unit, command);
  return [{ type: 'SelfCheckReportSubmitted', data: { ...content, submittedAt: command.now, late: Date.parse(command.now) >= Date.parse(window.lateFrom) } }];
}

/** 更正: the same checks on the new content; the latest report counts, the earlier stays in the log. */
export function correctSelfCheckReport(command: CorrectSelfCheckReport, state: UnitState): SelfCheckReportCorrected[] {
  const unit = registered(state, command.creditCode);
  const { period, reason } = command.data;
  if (!reportFor(unit, period)) {
    throw new UnitConflictError('UNIT.PERIOD_NOT_REPORTED', `unit ${unit.creditCode} has no report for ${period} to correct; submit one`, { creditCode: unit.creditCode, period });
  }
  const content = checkedContent(unit, command);
  return [{ type: 'SelfCheckReportCorrected', data: { ...content, reason, correctedAt: command.now } }];
}

export function registered(state: UnitState, creditCode: string): RegisteredUnit {
  if (!state.exists) throw new UnitNotFoundError(creditCode);
  return state;
}

function checkedContent(unit: RegisteredUnit, command: SubmitSelfCheckReport | CorrectSelfCheckReport): SelfCheckReportData {
  const { period, window, zeroHazard, signedBy, hazards } = command.data;
  const hazardIds = [...new Set(command.data.hazardIds)];
  if (zeroHazard && hazardIds.length > 0) throw new SelfCheckContentError('zeroHazard: true declares no hazard: give it without hazardIds');
  if (!zeroHazard && hazardIds.length === 0) throw new SelfCheckContentError('a self-check report lists the hazards found (hazardIds, at least one) or declares zeroHazard: true');
  if (signedBy.trim() !== unit.principal.name.trim()) {
    throw new UnitRuleError('UNIT.SIGNER_NOT_PRINCIPAL', `signedBy ${JSON.stringify(signedBy)} is not the unit's principal (主要负责人) ${JSON.stringify(unit.principal.name)}`, {
      signedBy,
      principal: unit.principal.name,
    });
  }
  for (const hazardId of hazardIds) {
    const why = whyNotInPeriod(hazards.find((h) => h.hazardId === hazardId), unit.creditCode, period, window);
    if (why) throw new UnitRuleError('UNIT.HAZARD_NOT_IN_PERIOD', `hazard ${hazardId} ${why}`, { hazardId, period });
  }
  return { period, zeroHazard, hazardIds, signedBy: signedBy.trim() };
}

/** A listed hazard is this unit's, with a `self-check` finding discovered in [from, to). Unknown and another unit's read alike. */
function whyNotInPeriod(hazard: NamedHazard | undefined, creditCode: string, period: string, window: SelfCheckWindow): string | undefined {
  if (hazard?.unitId !== creditCode) return `is not a hazard of unit ${creditCode}`;
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const inPeriod = hazard.selfCheckFindings.some((at) => Date.parse(at) >= from && Date.parse(at) < to);
  return inPeriod ? undefined : `has no self-check finding discovered in ${period} (${window.from} to ${window.to})`;
}
