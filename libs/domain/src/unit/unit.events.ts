import { Event } from '../hazard/event';
import { UnitProfile } from './unit.values';

/** A unit joined the registry (企业登记). Who registered it is in the metadata. */
export type UnitRegistered = Event<'UnitRegistered', { readonly creditCode: string } & UnitProfile & { readonly registeredAt: string }>;

/** The fields that changed, with their new values; never creditCode. */
export type UnitUpdated = Event<'UnitUpdated', Partial<UnitProfile>>;

export interface SelfCheckReportData {
  readonly period: string;
  readonly zeroHazard: boolean;
  readonly hazardIds: readonly string[];
  readonly signedBy: string;
}

/** 自查自报 of a period; `late` after the 15th of the month after it. */
export type SelfCheckReportSubmitted = Event<'SelfCheckReportSubmitted', SelfCheckReportData & { readonly submittedAt: string; readonly late: boolean }>;

/** A period's report as corrected: the latest counts, the one before stays in the log. */
export type SelfCheckReportCorrected = Event<'SelfCheckReportCorrected', SelfCheckReportData & { readonly reason: string; readonly correctedAt: string }>;

export type UnitEvent = UnitRegistered | UnitUpdated | SelfCheckReportSubmitted | SelfCheckReportCorrected;
export type UnitEventType = UnitEvent['type'];

export const UNIT_EVENT_TYPES: readonly UnitEventType[] = ['UnitRegistered', 'UnitUpdated', 'SelfCheckReportSubmitted', 'SelfCheckReportCorrected'];
