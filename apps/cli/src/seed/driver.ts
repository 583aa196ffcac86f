import { Actor, HazardCommand, hazardAggregateWith, HazardEvent, HazardRules, HazardState, unitAggregate, UnitType } from '@hazard/domain';
import { AggregateCommandRunner, EventStore } from '@hazard/event-store';
import { rectifierOf } from './city';
import { scenarioOf } from './scenarios';
import { Fate, SeedWorld } from './seed-world';
import { selfChecksOf } from './self-checks';
import { registration, SeedUnit } from './units';

export interface DriveOptions {
  readonly hazards: number;
  /** Hazards whose lives run at once: enough for the SQLite store's group commit to share its fsyncs. */
  readonly concurrency: number;
  /** How many of the hazards live long lives (hundreds of events). */
  readonly longHistories: number;
  /** About how many events each long history has; default 250–600, drawn per hazard. */
  readonly longEvents?: number;
  /** UNIT_REPORTING_TYPES: the units that file a 自查自报 each month. */
  readonly reportingTypes: readonly UnitType[];
  readonly onProgress?: (hazardsDone: number, events: number) => void;
}

export interface DriveResult {
  readonly hazards: number;
  readonly units: number;
  readonly commands: number;
  readonly events: number;
  readonly fates: Readonly<Partial<Record<Fate, number>>>;
  /** The hazard ids of the long lives, longest first: the ones to open for a long history. */
  readonly longHistories: readonly { readonly hazardId: string; readonly events: number }[];
}

/**
 * Drives the generated city through the real command path — the runner reads each stream, folds it,
 * authorizes and decides with the hazard aggregate, and appends hash-chained events — at the times the
 * scenarios give (each hazard has its own clock). Hazards run `concurrency` at a time; a hazard's own
 * commands run one after another, as its people would issue them.
 */
export async function driveCity(store: EventStore, world: SeedWorld, units: readonly SeedUnit[], rules: HazardRules, options: DriveOptions): Promise<DriveResult> {
  const hazardAggregate = hazardAggregateWith(rules);
  const context = (actor: Actor, commandId: string) => ({ actor, commandId, correlationId: commandId, causationId: commandId });
  let commands = 0;
  let events = 0;

  const registeredFrom = world.until - (world.spanDays + 30) * 86_400_000;
  await inParallel(units.length, options.concurrency, async (n) => {
    const unit = units[n]!;
    const registeredAt = registeredFrom + n * 60_000;
    let clock = registeredAt;
    const runner = new AggregateCommandRunner(store, unitAggregate, () => new Date(clock));
    const registered = await runner.run(registration(unit, n), context(world.city.admin, `seed-${world.seed}-unit-${n}`));
    commands += 1;
    events += registered.events.length;
    const selfChecks = selfChecksOf(unit, n, { seed: world.seed, registeredAt, until: world.until, timeZone: rules.timeZone, reportingTypes: options.reportingTypes });
    for (const [k, step] of selfChecks.entries()) {
      clock = Date.parse(step.at);
      const outcome = await runner.run(step.command, context(rectifierOf(unit.creditCode), `seed-${world.seed}-unit-${n}-${k}`));
      commands += 1;
      events += outcome.events.length;
    }
  });

  const fates: Partial<Record<Fate, number>> = {};
  const long: { hazardId: string; events: number }[] = [];
  const longEvery = options.longHistories > 0 ? Math.max(1, Math.floor(options.hazards / options.longHistories)) : Infinity;
  let done = 0;
  await inParallel(options.hazards, options.concurrency, async (n) => {
    // Long lives start first: each runs its hundreds of commands one after another, alongside the rest.
    const isLong = n % longEvery === 0;
    const scenario = scenarioOf(world, n, isLong, options.longEvents);
    let clock = 0;
    const runner = new AggregateCommandRunner<HazardCommand, HazardEvent, HazardState>(store, hazardAggregate, () => new Date(clock));
    let recorded = 0;
    for (const [k, step] of scenario.steps.entries()) {
      clock = Date.parse(step.at);
      try {
        const outcome = await runner.run(step.command, context(step.actor, `seed-${world.seed}-h${n}-${k}`));
        recorded += outcome.events.length;
      } catch (error) {
        // A refusal here is a bug of the generator, not of the city: say which life and step it was.
        throw new Error(`seed hazard ${n} (${scenario.fate}) step ${k} ${step.command.type} at ${step.at}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    commands += scenario.steps.length;
    events += recorded;
    fates[scenario.fate] = (fates[scenario.fate] ?? 0) + 1;
    if (isLong) long.push({ hazardId: scenario.hazardId, events: recorded });
    done += 1;
    options.onProgress?.(done, events);
  });
  long.sort((a, b) => b.events - a.events);
  return { hazards: options.hazards, units: units.length, commands, events, fates, longHistories: long };
}

/** Runs `task(0 … count-1)` with at most `concurrency` at once; the first failure stops the rest and is thrown. */
async function inParallel(count: number, concurrency: number, task: (n: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async () => {
    while (failure === undefined && next < count) {
      const n = next++;
      try {
        await task(n);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure !== undefined) throw failure;
}
