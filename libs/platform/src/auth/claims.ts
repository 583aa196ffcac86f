import { Actor, AUTHORITY_LEVELS, AuthorityLevel, ROLES, Role } from '@hazard/domain';

/** The JWT claims of API.md's "Identity" table. */
export interface Claims {
  readonly sub: string;
  readonly dept: string;
  readonly roles: readonly Role[];
  readonly sectors: readonly string[];
  readonly regions: readonly string[];
  readonly unitId?: string;
  /** The government level acted for (county, city, province); closing a supervised hazard needs it. */
  readonly authority?: AuthorityLevel;
}

/** Checks a verified token's payload has the shape we rely on; returns why not, or the claims. */
export function parseClaims(payload: Record<string, unknown>): Claims | string {
  const { sub, dept, roles, sectors, regions, unitId, authority } = payload;
  if (typeof sub !== 'string' || !sub) return 'claim sub must be a non-empty string';
  if (typeof dept !== 'string' || !dept) return 'claim dept must be a non-empty string';
  if (!isStringArray(roles) || roles.length === 0 || !roles.every((r) => (ROLES as readonly string[]).includes(r))) {
    return `claim roles must be a non-empty array of ${ROLES.join(', ')}`;
  }
  if (!isStringArray(sectors)) return 'claim sectors must be an array of strings';
  if (!isStringArray(regions)) return 'claim regions must be an array of strings';
  if (unitId !== undefined && typeof unitId !== 'string') return 'claim unitId must be a string';
  if (roles.includes('rectifier') && !unitId) return 'claim unitId is required for the rectifier role';
  if (authority !== undefined && !(AUTHORITY_LEVELS as readonly unknown[]).includes(authority)) {
    return `claim authority must be one of ${AUTHORITY_LEVELS.join(', ')}`;
  }
  return { sub, dept, roles: roles as Role[], sectors, regions, ...(unitId ? { unitId } : {}), ...(authority ? { authority: authority as AuthorityLevel } : {}) };
}

export function actorOf(claims: Claims): Actor {
  return {
    userId: claims.sub,
    departmentId: claims.dept,
    roles: claims.roles,
    sectors: claims.sectors,
    regions: claims.regions,
    ...(claims.unitId ? { unitId: claims.unitId } : {}),
    ...(claims.authority ? { authority: claims.authority } : {}),
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
