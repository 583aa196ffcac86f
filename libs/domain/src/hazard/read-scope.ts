import { Actor, Role } from '../shared/actor';
import { ExistingHazard } from './hazard.state';

/**
 * Who may read which hazard (DESIGN.md "Who may read what"), the one rule every read applies: `reviewer`
 * and `admin` read all; `inspector`, `supervisor` and `tip-officer` their sectors × regions; a `rectifier`
 * the hazards assigned to its unit now or before, and those its unit reported itself. Any role that grants
 * the read is enough. Out of scope a single read is 404, never 403: a 403 would confirm the hazard exists.
 */
export function canRead(actor: Actor, hazard: HazardReadFacts): boolean {
  const scope = readScopeOf(actor);
  if (scope.all) return true;
  if (scope.area && coversSector(scope.area.sectors, hazard.sector) && coversRegion(scope.area.regions, hazard.regionCode)) return true;
  return scope.unitId !== undefined && rectifierUnitsOf(hazard).includes(scope.unitId);
}

/** What of a hazard the rule looks at: where it is, whose it is, who was made responsible, who reported it itself. */
export type HazardReadFacts = Pick<ExistingHazard, 'sector' | 'regionCode' | 'unitId' | 'assignedUnitIds' | 'selfReported'>;

/**
 * The units whose rectifiers may read the hazard: every unit ever made responsible for it, and the hazard's own
 * unit once it reported the hazard by self-check. It only grows, event by event, as the read model keeps it.
 */
export function rectifierUnitsOf(hazard: HazardReadFacts): readonly string[] {
  if (!hazard.selfReported || hazard.assignedUnitIds.includes(hazard.unitId)) return hazard.assignedUnitIds;
  return [...hazard.assignedUnitIds, hazard.unitId];
}

/** The same rule as data, for queries that filter many hazards at once (SQL lists, figures, `/stream`). */
export interface ReadScope {
  readonly all: boolean;
  /** Sectors × region prefixes (`*` for all) the actor's area roles cover. */
  readonly area?: { readonly sectors: readonly string[]; readonly regions: readonly string[] };
  /** A rectifier's unit: hazards assigned to it, or self-reported by it. */
  readonly unitId?: string;
  /** A rectifier only: `source` and `tipNo` are never shown (举报情况 is not disclosed to the reported unit). */
  readonly hidesSource: boolean;
}

const AREA_ROLES: readonly Role[] = ['inspector', 'supervisor', 'tip-officer'];

export function readScopeOf(actor: Actor): ReadScope {
  const has = (role: Role) => actor.roles.includes(role);
  if (has('reviewer') || has('admin')) return { all: true, hidesSource: false };
  const area = AREA_ROLES.some(has) ? { sectors: actor.sectors ?? [], regions: actor.regions ?? [] } : undefined;
  const unitId = has('rectifier') ? actor.unitId : undefined;
  return { all: false, ...(area && { area }), ...(unitId !== undefined && { unitId }), hidesSource: area === undefined };
}

function coversSector(sectors: readonly string[], sector: string): boolean {
  return sectors.includes('*') || sectors.includes(sector);
}

function coversRegion(regions: readonly string[], regionCode: string): boolean {
  return regions.some((prefix) => prefix === '*' || regionCode.startsWith(prefix));
}
