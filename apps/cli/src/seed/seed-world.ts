import { Catalogue, HazardRules } from '@hazard/domain';
import { City, cityOf } from './city';
import { SeedUnit, UnitPicker, unitsOf } from './units';

/** What the whole generated city shares: every hazard's scenario is drawn from it and its own generator. */
export interface SeedWorld {
  readonly seed: number;
  readonly city: City;
  readonly units: UnitPicker;
  /** No command is later than this (ms since the epoch); the year before it is when hazards are found. */
  readonly until: number;
  readonly spanDays: number;
  /** The 判定依据 codes the catalogue accepts for a sector at a time. */
  readonly basesFor: (sector: string, at: string) => readonly string[];
}

/** Where a hazard's life is meant to go; cutting it at `until` leaves some short of that. */
export type Fate = 'found' | 'assigned' | 'extended' | 'overdue' | 'late' | 'rectified' | 'verified' | 'failed' | 'reopened' | 'recurred' | 'repeat-finding' | 'long';

export interface WorldOptions {
  readonly seed: number;
  readonly hazards: number;
  /** The last instant of the generated year. */
  readonly until: Date;
}

/** About eight hazards per unit, at least thirty units, so repeat offenders stand out without every unit repeating. */
export function unitCountFor(hazards: number): number {
  return Math.max(30, Math.ceil(hazards / 8));
}

export function seedWorld(catalogue: Catalogue, rules: HazardRules, options: WorldOptions): { world: SeedWorld; units: readonly SeedUnit[] } {
  const city = cityOf(catalogue);
  const units = unitsOf(city, unitCountFor(options.hazards), options.seed);
  const reference = rules.reference;
  const usable = (code: string, sector: string, at: string) => {
    try {
      reference?.checkBasis(code, sector, at);
      return true;
    } catch {
      return false;
    }
  };
  const basesFor = (sector: string, at: string) =>
    catalogue.bases.filter((basis) => basis.sectors.includes(sector) && usable(basis.code, sector, at)).map((basis) => basis.code);
  return {
    world: { seed: options.seed, city, units: new UnitPicker(units), until: options.until.getTime(), spanDays: 365, basesFor },
    units,
  };
}
