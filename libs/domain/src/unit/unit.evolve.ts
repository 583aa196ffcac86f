import { UnitEvent } from './unit.events';
import { SelfCheckReport, UnitState } from './unit.state';

/** Applies one event. Never throws: an event is a fact, even one the current rules would refuse. */
export function evolveUnit(state: UnitState, event: UnitEvent): UnitState {
  switch (event.type) {
    case 'UnitRegistered': {
      const { creditCode, registeredAt, ...profile } = event.data;
      return { exists: true, creditCode, ...profile, registeredAt, reports: [] };
    }
    case 'UnitUpdated':
      return state.exists ? { ...state, ...event.data } : state;
    case 'SelfCheckReportSubmitted': {
      if (!state.exists) return state;
      const { period, zeroHazard, hazardIds, signedBy, submittedAt, late } = event.data;
      const report: SelfCheckReport = { period, zeroHazard, hazardIds, signedBy, submittedAt, late, corrected: null };
      return { ...state, reports: [...state.reports.filter((r) => r.period !== period), report] };
    }
    case 'SelfCheckReportCorrected': {
      if (!state.exists) return state;
      const { period, zeroHazard, hazardIds, signedBy, reason, correctedAt } = event.data;
      const reports = state.reports.map((r): SelfCheckReport => {
        if (r.period !== period) return r;
        const original = r.corrected?.original ?? { zeroHazard: r.zeroHazard, hazardIds: r.hazardIds, signedBy: r.signedBy };
        return { ...r, zeroHazard, hazardIds, signedBy, corrected: { correctedAt, reason, corrections: (r.corrected?.corrections ?? 0) + 1, original } };
      });
      return { ...state, reports };
    }
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}
