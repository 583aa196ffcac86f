import { Command, InvalidArgumentError } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { resolve } from 'node:path';
import { EventStore } from '@hazard/event-store';
import { AppConfig, hazardRulesOf, loadCatalogue, loadConfig, openEventStore } from '@hazard/platform';
import { CliIo } from '../cli-io';
import { progressBar } from '../progress';
import { runRebuild } from '../rebuild.command';
import { driveCity, DriveResult } from './driver';
import { seedWorld } from './seed-world';

export interface SeedOptions {
  readonly hazards: number;
  readonly seed: number;
  readonly until: Date;
  readonly concurrency: number;
  readonly longHistories: number;
  readonly longEvents?: number;
  readonly rebuild: boolean;
}

/** The default end of the generated year: fixed, so one --seed gives one city whenever it is run. */
export const DEFAULT_UNTIL = '2026-11-30T16:00:00.000Z';

/**
 * `seed --hazards N`: a generated city written through the real command path onto the configured store,
 * then the read models rebuilt from it so a server started on DATA_DIR serves them at once. Refuses a store
 * that already holds events: a city is seeded into an empty ledger, never mixed into a real one.
 */
export async function runSeed(store: EventStore, config: AppConfig, io: CliIo, options: SeedOptions): Promise<DriveResult> {
  const head = await store.headPosition();
  if (head > 0) throw new Error(`the store of DATA_DIR ${config.dataDir} already holds events (position ${head}): seed into an empty DATA_DIR`);
  const catalogue = loadCatalogue(config.catalogueFile);
  const rules = hazardRulesOf(config, catalogue);
  const { world, units } = seedWorld(catalogue, rules, options);
  const started = Date.now();
  const bar = hazardBar(options.hazards);
  const result = await driveCity(store, world, units, rules, {
    hazards: options.hazards,
    concurrency: options.concurrency,
    longHistories: options.longHistories,
    longEvents: options.longEvents,
    reportingTypes: config.unitReportingTypes,
    onProgress: (done, events) => bar?.update(done, { events }),
  });
  bar?.stop();
  const seconds = (Date.now() - started) / 1000;
  io.out(
    `seeded ${world.city.name}: ${result.hazards} hazards, ${result.units} units, ${result.commands} commands, ${result.events} events in ${seconds.toFixed(1)} s ` +
      `(${Math.round(result.events / seconds)} events/s) into ${config.dataDir}\n`,
  );
  io.out(`fates: ${Object.entries(result.fates).map(([fate, count]) => `${fate} ${count}`).join(', ')}\n`);
  for (const { hazardId, events } of result.longHistories.slice(0, 5)) io.out(`long history: ${hazardId} (${events} events)\n`);
  if (options.rebuild) await runRebuild(store, config.dataDir, io, progressBar('read models'));
  return result;
}

function hazardBar(total: number): SingleBar | undefined {
  if (!process.stderr.isTTY && !process.env.FORCE_PROGRESS) return undefined;
  const bar = new SingleBar(
    { format: 'seed [{bar}] {percentage}% | {value}/{total} hazards | {events} events | eta {eta_formatted}', stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0, { events: 0 });
  return bar;
}

const positive = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0, got '${value}'`);
  return n;
};

export function seedCommand(io: CliIo, exit: (code: number) => void): Command {
  return new Command('seed')
    .description('generate a city (districts, sectors, units, departments) and drive its hazards through the ledger')
    .requiredOption('--hazards <n>', 'how many hazards', positive('--hazards'))
    .option('--data-dir <dir>', 'DATA_DIR to seed (default: $DATA_DIR, else ./data)')
    .option('--seed <n>', 'the same seed gives the same city', positive('--seed'), 1)
    .option('--until <time>', 'ISO-8601 end of the generated year; nothing happens after it', DEFAULT_UNTIL)
    .option('--concurrency <n>', 'hazards written at once (group commit shares their fsyncs)', positive('--concurrency'), 64)
    .option('--long-histories <n>', 'hazards with hundreds of events (default: one per 2,000 hazards, at least one)', positive('--long-histories'))
    .option('--no-rebuild', 'leave the read models to the server’s projector')
    .action(async (options: { hazards: number; dataDir?: string; seed: number; until: string; concurrency: number; longHistories?: number; rebuild: boolean }) => {
      const until = new Date(options.until);
      if (Number.isNaN(until.getTime())) throw new InvalidArgumentError(`--until must be an ISO-8601 time, got '${options.until}'`);
      const config = loadConfig({ ...process.env, ...(options.dataDir !== undefined && { DATA_DIR: resolve(options.dataDir) }) });
      const store = openEventStore(config);
      try {
        await runSeed(store, config, io, {
          hazards: options.hazards,
          seed: options.seed,
          until,
          concurrency: Math.max(1, options.concurrency),
          longHistories: options.longHistories ?? Math.max(1, Math.round(options.hazards / 2000)),
          rebuild: options.rebuild,
        });
        exit(0);
      } finally {
        await store.close();
      }
    });
}
