import { hazardIdFor, HazardLevel } from '@hazard/domain';
import { kindsOf } from './hazard-kinds';
import { Life } from './life';
import { Fate, SeedWorld } from './seed-world';
import { Random } from './random';
import { DAY_MS, SeedStep, Timeline } from './timeline';

const FATES: readonly (readonly [Fate, number])[] = [
  ['found', 7], ['assigned', 9], ['extended', 5], ['overdue', 6], ['late', 7], ['rectified', 7],
  ['verified', 37], ['failed', 7], ['reopened', 3], ['recurred', 8], ['repeat-finding', 4],
];

export interface HazardScenario {
  readonly hazardId: string;
  readonly fate: Fate;
  readonly steps: readonly SeedStep[];
}

/** The n-th hazard of the city: the same for the same seed, whatever order hazards are generated in. */
/** `long`: a life of hundreds of events (about `longEvents`, else 250–600). */
export function scenarioOf(world: SeedWorld, n: number, long: boolean, longEvents?: number): HazardScenario {
  const random = new Random(world.seed, 2, n);
  const unit = world.units.pick(random);
  const department = world.city.departments.find((d) => d.sector === unit.sector) ?? world.city.departments[0]!;
  const kind = random.pick(kindsOf(unit.sector));
  const level: HazardLevel = random.chance(0.1) ? 'major' : 'general';
  const location = `${random.int(1, 12)}号楼 ${kind.place} 点位${n + 1}`;
  const hazardId = hazardIdFor({ unitId: unit.creditCode, location, categoryCode: kind.categoryCode });
  const fate: Fate = long ? 'long' : random.weighted(FATES);
  const startBack = long ? random.int(320, 340) : fate === 'found' || fate === 'assigned' ? random.int(2, 40) : random.int(3, world.spanDays);
  const life = new Life(world, random, new Timeline(hazardId, world.until - startBack * DAY_MS + random.int(0, 10) * 3_600_000, world.until, world.city.system), {
    unit, department, kind, level, location,
  });
  life.live(fate, longEvents);
  return { hazardId, fate, steps: life.timeline.finish() };
}
