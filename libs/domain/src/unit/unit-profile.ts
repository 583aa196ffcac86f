import { RegisteredProfile, UpdateUnit } from './unit.commands';
import { UNIT_PROFILE_FIELDS, UnitProfile } from './unit.values';

/** The profile as the registry keeps it: missing grid and contacts as null, lists copied. */
export function unitProfileOf(source: RegisteredProfile): UnitProfile {
  return {
    name: source.name,
    industry: source.industry,
    type: source.type,
    regionCode: source.regionCode,
    gridId: source.gridId ?? null,
    supervisingDepartments: [...source.supervisingDepartments],
    principal: { name: source.principal.name, phone: source.principal.phone },
    contacts: { email: source.contacts?.email ?? null, webhookUrl: source.contacts?.webhookUrl ?? null },
  };
}

/** The fields of `next` that differ from `current`, with their new values. */
export function changedFields(current: UnitProfile, next: UnitProfile): Partial<UnitProfile> {
  const changes: Record<string, unknown> = {};
  for (const field of UNIT_PROFILE_FIELDS) {
    if (JSON.stringify(current[field]) !== JSON.stringify(next[field])) changes[field] = next[field];
  }
  return changes as Partial<UnitProfile>;
}

export function profileOfState(state: UnitProfile): UnitProfile {
  const profile: Record<string, unknown> = {};
  for (const field of UNIT_PROFILE_FIELDS) profile[field] = state[field];
  return profile as unknown as UnitProfile;
}

/** The profile after an update: each field given replaces the current one (contacts and principal as a whole). */
export function nextProfile(current: UnitProfile, command: UpdateUnit): UnitProfile {
  const given = Object.fromEntries(Object.entries(command.data).filter(([, value]) => value !== undefined));
  return unitProfileOf({ ...profileOfState(current), ...given });
}
