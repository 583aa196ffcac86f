/** Who may act in the ledger; every aggregate's access policy speaks of these roles. */
export const ROLES = ['inspector', 'supervisor', 'rectifier', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

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
}

export const SYSTEM_ACTOR: Actor = {
  userId: 'system',
  departmentId: 'system',
  roles: ['admin'],
  sectors: ['*'],
  regions: ['*'],
};
