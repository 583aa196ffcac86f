import { loadConfig, openEventStore } from '@hazard/platform';
import { CliIo } from '../../apps/cli/src/cli-io';
import { runSeed } from '../../apps/cli/src/seed/seed.command';
import { DriveResult } from '../../apps/cli/src/seed/driver';

const quiet: CliIo = { out: () => undefined, err: (text) => process.stderr.write(text) };

/** Seeds `dataDir` (empty) through the CLI's seed, up to now, with no read models: the bench decides what comes next. */
export async function seedInto(dataDir: string, hazards: number, extra: { longHistories?: number; longEvents?: number; seed?: number } = {}): Promise<DriveResult> {
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir });
  const store = openEventStore(config);
  try {
    return await runSeed(store, config, quiet, {
      hazards,
      seed: extra.seed ?? 14,
      until: new Date(),
      concurrency: 64,
      longHistories: extra.longHistories ?? Math.max(1, Math.round(hazards / 2000)),
      longEvents: extra.longEvents,
      rebuild: false,
    });
  } finally {
    await store.close();
  }
}
