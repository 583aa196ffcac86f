/** Value sets of the enterprise registry, as stored in events. Never rename a value: old events keep it. */
export const UNIT_TYPES = ['high-risk', 'above-scale', 'crowded-place', 'other'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** UNIT_REPORTING_TYPES' default: the units expected to file 自查自报 each period. */
export const DEFAULT_UNIT_REPORTING_TYPES: readonly UnitType[] = ['high-risk', 'above-scale', 'crowded-place'];

/** 主要负责人: signs the unit's self-check reports. */
export interface Principal {
  readonly name: string;
  readonly phone: string;
}

/** Where notices to the unit go; null when the unit gave none. */
export interface UnitContacts {
  readonly email: string | null;
  readonly webhookUrl: string | null;
}

/** What the registry keeps of a unit besides its creditCode. */
export interface UnitProfile {
  readonly name: string;
  readonly industry: string;
  readonly type: UnitType;
  readonly regionCode: string;
  readonly gridId: string | null;
  readonly supervisingDepartments: readonly string[];
  readonly principal: Principal;
  readonly contacts: UnitContacts;
}

export const UNIT_PROFILE_FIELDS = [
  'name', 'industry', 'type', 'regionCode', 'gridId', 'supervisingDepartments', 'principal', 'contacts',
] as const satisfies readonly (keyof UnitProfile)[];

/** A self-check period: a month `YYYY-MM` or a quarter `YYYYQn`, in TIME_ZONE. */
export const SELF_CHECK_PERIOD_PATTERN = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))$/;

/**
 * A period's instants, computed by the edge in TIME_ZONE (the domain has no calendar): [from, to) and
 * `lateFrom`, local midnight after the 15th of the month after the period — a report from then on is late.
 */
export interface SelfCheckWindow {
  readonly from: string;
  readonly to: string;
  readonly lateFrom: string;
}

/** What the edge found of a hazard a report names: read from its stream, passed on the command. */
export interface NamedHazard {
  readonly hazardId: string;
  /** Undefined when no such hazard exists. */
  readonly unitId?: string;
  /** discoveredAt of each of its `self-check` findings (HazardFound, HazardFoundAgain). */
  readonly selfCheckFindings: readonly string[];
}
