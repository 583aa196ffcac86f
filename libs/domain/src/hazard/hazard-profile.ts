import { HazardKey, HazardLevel, HazardSource } from './hazard-values';

/**
 * What a hazard is, as first reported: the natural key and the descriptive fields. Written once here and
 * composed into ReportHazard, HazardFound, the state and the read-model rows, so a new field is added in
 * one place and every layer sees it.
 */
export interface HazardProfile extends HazardKey {
  readonly unitName: string;
  readonly sector: string;
  readonly regionCode: string;
  /** 网格: `null` when the hazard has no grid (HazardFound schema v2; v1 events lacked the field). */
  readonly gridId: string | null;
  readonly level: HazardLevel;
  readonly source: HazardSource;
  readonly description: string;
  readonly discoveredAt: string;
}

/** As a command carries it: the grid may be left out. */
export type ReportedProfile = Omit<HazardProfile, 'gridId'> & { readonly gridId?: string | null };

export const PROFILE_FIELDS = [
  'unitId', 'unitName', 'location', 'categoryCode', 'sector', 'regionCode', 'gridId', 'level', 'source', 'description', 'discoveredAt',
] as const satisfies readonly (keyof HazardProfile)[];

/** The profile's fields of anything that carries them (a command, an event, a state), and nothing else. */
export function profileOf(source: ReportedProfile): HazardProfile {
  const profile: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) profile[field] = source[field] ?? null;
  return profile as unknown as HazardProfile;
}
