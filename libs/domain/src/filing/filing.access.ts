import { ForbiddenError } from '../hazard/hazard.errors';
import { Actor } from '../shared/actor';
import { FilingCommand } from './filing.commands';
import { Filing } from './filing.events';
import { FilingState } from './filing.state';

/** What a report (or a filing) covers: a region-code prefix (null: all) × sector codes (null: all). */
export interface ReportScope {
  readonly regionCode: string | null;
  readonly sectors: readonly string[] | null;
}

/** The hazards a reader's figures may count: sector codes and region-code prefixes, null for all. */
export interface ReportReadScope {
  readonly sectors: readonly string[] | null;
  readonly regions: readonly string[] | null;
}

const READS_EVERYTHING = ['admin', 'reviewer'] as const;

/** Reports are read by any role but `rectifier` (a reported unit sees no 隐患来源 and no figures of others). */
export function mayReadReports(actor: Actor): boolean {
  return actor.roles.some((role) => role !== 'rectifier');
}

/** Admin and reviewer read every hazard's figures; anyone else those of its sectors × regions (`*`: all). */
export function reportReadScope(actor: Actor): ReportReadScope {
  if (READS_EVERYTHING.some((role) => actor.roles.includes(role))) return { sectors: null, regions: null };
  return ownScope(actor);
}

/** The sectors and regions the actor's department answers for, as its token lists them. */
function ownScope(actor: Actor): ReportReadScope {
  const sectors = actor.sectors ?? [];
  const regions = actor.regions ?? [];
  return { sectors: sectors.includes('*') ? null : sectors, regions: regions.includes('*') ? null : regions };
}

/** A filing is read and listed by admin, reviewer and users whose regions and sectors cover all of it. */
export function canReadFiling(actor: Actor, filing: Pick<Filing, 'regionCode' | 'sectors'>): boolean {
  return mayReadReports(actor) && covers(reportReadScope(actor), filing);
}

/**
 * FileStatisticsReport: an admin (安委办) anywhere; a supervisor for a regionCode under its regions and sectors
 * within its own. A reviewer writes nothing; without a regionCode a supervisor would file for the whole
 * province, which no department answers for.
 */
export function authorizeFiling(command: FilingCommand, _state: FilingState): void {
  const { actor, data } = command;
  if (actor.roles.includes('admin')) return;
  if (!actor.roles.includes('supervisor')) throw new ForbiddenError(`${command.type} needs one of the roles admin, supervisor`);
  if (data.regionCode === null) throw new ForbiddenError(`${command.type}: a supervisor files for a regionCode under its regions; give regionCode`);
  const own = ownScope(actor);
  if (!coversRegion(own, data.regionCode)) throw new ForbiddenError(`region ${data.regionCode} is outside your regions`);
  if (!coversSectors(own, data.sectors)) {
    const outside = data.sectors === null ? 'every sector' : `sector ${data.sectors.filter((s) => !own.sectors?.includes(s)).join(', ')}`;
    throw new ForbiddenError(`${outside} is outside your department's sectors`);
  }
}

function covers(scope: ReportReadScope, report: ReportScope): boolean {
  return coversRegion(scope, report.regionCode) && coversSectors(scope, report.sectors);
}

function coversRegion(scope: ReportReadScope, regionCode: string | null): boolean {
  if (scope.regions === null) return true;
  return regionCode !== null && scope.regions.some((prefix) => regionCode.startsWith(prefix));
}

function coversSectors(scope: ReportReadScope, sectors: readonly string[] | null): boolean {
  if (scope.sectors === null) return true;
  const own = scope.sectors;
  return sectors !== null && sectors.every((sector) => own.includes(sector));
}
