/** Who may act in the ledger; every aggregate's access policy speaks of these roles. */
/** `tip-officer` (举报受理) handles citizen reports; the others act on hazards. */
export const ROLES = ['inspector', 'supervisor', 'rectifier', 'reviewer', 'admin', 'tip-officer'] as const;
export type Role = (typeof ROLES)[number];

/** The level of government an official acts for (the `authority` claim); 挂牌督办 is imposed at one of them. */
export const AUTHORITY_LEVELS = ['county', 'city', 'province'] as const;
export type AuthorityLevel = (typeof AUTHORITY_LEVELS)[number];

const AUTHORITY_RANK: Record<AuthorityLevel, number> = { county: 1, city: 2, province: 3 };

export function outranks(a: AuthorityLevel, b: AuthorityLevel): boolean {
  return AUTHORITY_RANK[a] > AUTHORITY_RANK[b];
}

/** Whether an actor's authority is at least `level` (county < city < province); none reaches nothing. */
export function authorityReaches(actor: Actor, level: AuthorityLevel): boolean {
  return actor.authority !== undefined && AUTHORITY_RANK[actor.authority] >= AUTHORITY_RANK[level];
}

/** Who issued a command. The system (deadline scheduler, escalation rules) acts as `SYSTEM_ACTOR`. */
export interface Actor {
  readonly userId: string;
  readonly departmentId: string;
  readonly roles: readonly Role[];
  /** Set for rectifiers: the responsible unit the user speaks for. */
  readonly unitId?: string;
  /** Sectors the actor's department answers for; `*` for all. */
  readonly sectors?: readonly string[];
  /** Region-code prefixes the actor may act in; `*` for all. */
  readonly regions?: readonly string[];
  /** The government level acted for; needed to close (销号) a hazard supervised at that level. */
  readonly authority?: AuthorityLevel;
}

export const SYSTEM_ACTOR: Actor = {
  userId: 'system',
  departmentId: 'system',
  roles: ['admin'],
  sectors: ['*'],
  regions: ['*'],
};
