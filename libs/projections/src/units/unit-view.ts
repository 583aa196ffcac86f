import { ConcealmentSignal, RegisteredUnit, SelfCheckReport, UnitProfile } from '@hazard/domain';

/** A unit as `GET /units/:creditCode` and each item of `GET /units` show it (API.md "Units"). */
export interface UnitView extends UnitProfile {
  readonly creditCode: string;
  readonly registeredAt: string;
  readonly reports: readonly SelfCheckReport[];
  readonly concealmentSignals: readonly ConcealmentSignal[];
}

/** The one mapping from a folded unit (stream or read model) to its view: the same keys in the same order. */
export function unitViewOf(unit: RegisteredUnit, concealmentSignals: readonly ConcealmentSignal[]): UnitView {
  return {
    creditCode: unit.creditCode,
    name: unit.name,
    industry: unit.industry,
    type: unit.type,
    regionCode: unit.regionCode,
    gridId: unit.gridId,
    supervisingDepartments: unit.supervisingDepartments,
    principal: { name: unit.principal.name, phone: unit.principal.phone },
    contacts: { email: unit.contacts.email, webhookUrl: unit.contacts.webhookUrl },
    registeredAt: unit.registeredAt,
    reports: unit.reports.map((r) => ({
      period: r.period,
      zeroHazard: r.zeroHazard,
      hazardIds: r.hazardIds,
      signedBy: r.signedBy,
      submittedAt: r.submittedAt,
      late: r.late,
      corrected: r.corrected,
    })),
    concealmentSignals,
  };
}
