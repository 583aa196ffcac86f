import { Command } from 'commander';
import { EventStore, verifyStore } from '@hazard/event-store';
import { CliIo } from './cli-io';
import { progressBar } from './progress';

/** `digest > digest.json`: the stream heads and their digest, for a later `verify --against`. */
export async function runDigest(store: EventStore, io: CliIo, now: Date): Promise<number> {
  const { checks: _checks, broken, valid, ...digest } = await verifyStore(store, progressBar('digest'));
  io.out(`${JSON.stringify({ ...digest, createdAt: now.toISOString() }, null, 2)}\n`);
  if (!valid) {
    for (const b of broken) io.err(`warning: BROKEN ${b.streamId} revision ${b.revision}: ${b.reason}\n`);
    io.err('warning: the store does not verify; this digest records a broken state\n');
    return 1;
  }
  return 0;
}

export function digestCommand(open: () => EventStore, io: CliIo, exit: (code: number) => void): Command {
  return new Command('digest')
    .description('print a digest of every stream head as JSON (keep it to prove later that nothing changed)')
    .action(async () => {
      const store = open();
      try {
        exit(await runDigest(store, io, new Date()));
      } finally {
        await store.close();
      }
    });
}
