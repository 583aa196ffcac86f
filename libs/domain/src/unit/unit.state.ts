import { UnitProfile } from './unit.values';

/** What a period's report said before its first correction, and the latest correction's reason and time. */
export interface SelfCheckCorrection {
  readonly correctedAt: string;
  readonly reason: string;
  /** How many corrections there have been. */
  readonly corrections: number;
  readonly original: { readonly zeroHazard: boolean; readonly hazardIds: readonly string[]; readonly signedBy: string };
}

/** A period's report as it counts now: the latest content, the first submission's time and lateness. */
export interface SelfCheckReport {
  readonly period: string;
  readonly zeroHazard: boolean;
  readonly hazardIds: readonly string[];
  readonly signedBy: string;
  readonly submittedAt: string;
  readonly late: boolean;
  readonly corrected: SelfCheckCorrection | null;
}

export interface RegisteredUnit extends UnitProfile {
  readonly exists: true;
  readonly creditCode: string;
  readonly registeredAt: string;
  /** In the order they were first submitted. */
  readonly reports: readonly SelfCheckReport[];
}

export type UnitState = { readonly exists: false } | RegisteredUnit;

export function initialUnitState(): UnitState {
  return { exists: false };
}

export function reportFor(state: RegisteredUnit, period: string): SelfCheckReport | undefined {
  return state.reports.find((r) => r.period === period);
}
