import { Command } from 'commander';
import { join } from 'node:path';
import { ensureCheckpointsMatchStore, EventStore } from '@hazard/event-store';
import { openReadModelsDb, READ_MODELS_FILE, readModelDigest, rebuildReadModels } from '@hazard/projections';
import { loadConfig } from '@hazard/platform';
import { CliIo } from './cli-io';
import { progressBar } from './progress';

/**
 * `rebuild`: replays the whole log into fresh read-model tables and swaps them in atomically with the
 * checkpoint (libs/projections rebuild.ts). Safe while the server runs on the same DATA_DIR: its projector
 * carries on from the swapped-in checkpoint. Prints the digest of the new models, to compare replicas.
 */
export async function runRebuild(store: EventStore, dataDir: string, io: CliIo, progress = progressBar('rebuild')): Promise<number> {
  const db = openReadModelsDb(join(dataDir, READ_MODELS_FILE));
  try {
    const started = Date.now();
    await ensureCheckpointsMatchStore(db, store); // the rebuilt tables belong to this store's log from now on
    const { events, position } = await rebuildReadModels(store, db, { onProgress: progress });
    const { digest, tables } = readModelDigest(db);
    const rows = `${tables.hazards.rows} hazards, ${tables.cycles.rows} cycles, ${tables.units.rows} units`;
    io.out(`rebuilt read models from ${events} events to position ${position} in ${Date.now() - started} ms: ${rows}; digest ${digest}\n`);
    return 0;
  } finally {
    db.close();
  }
}

export function rebuildCommand(open: () => EventStore, io: CliIo, exit: (code: number) => void): Command {
  return new Command('rebuild')
    .description('replay the whole event log into fresh read models and swap them in (safe while the server runs)')
    .action(async () => {
      const store = open();
      try {
        exit(await runRebuild(store, loadConfig(process.env).dataDir, io));
      } finally {
        await store.close();
      }
    });
}
