import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { streamIdFor } from '@hazard/domain';
import { compareWithDigest, EventStore, StoreDigest, StreamNotFoundError, verifyStore, verifyStream } from '@hazard/event-store';
import { CliIo } from './cli-io';
import { progressBar } from './progress';

/** `verify [hazardId] [--against digest.json]`: exit 0 when intact, 1 when something was changed. */
export async function runVerify(store: EventStore, io: CliIo, hazardId?: string, againstFile?: string): Promise<number> {
  if (againstFile) {
    const earlier = JSON.parse(readFileSync(againstFile, 'utf8')) as StoreDigest;
    const result = await compareWithDigest(store, earlier, progressBar('verify --against'));
    if (result.valid) {
      io.out(`valid: nothing recorded before digest ${earlier.digest} has changed (${Object.keys(earlier.heads).length} streams, ${earlier.events} events)\n`);
      return 0;
    }
    for (const c of result.changed) io.out(`CHANGED ${c.streamId} revision ${c.revision}: ${c.reason}\n`);
    return 1;
  }
  if (hazardId) {
    const streamId = streamIdFor(hazardId);
    let events;
    try {
      events = await store.readStream(streamId);
    } catch (error) {
      if (error instanceof StreamNotFoundError) {
        io.err(`hazard ${hazardId} not found\n`);
        return 2;
      }
      throw error;
    }
    const result = verifyStream(streamId, events);
    if (result.valid) io.out(`valid: ${streamId}, ${result.events} events\n`);
    else io.out(`BROKEN ${streamId} revision ${result.brokenAt!.revision} (position ${result.brokenAt!.position}): ${result.brokenAt!.reason}\n`);
    return result.valid ? 0 : 1;
  }
  const result = await verifyStore(store, progressBar('verify'));
  for (const b of result.broken) io.out(`BROKEN ${b.streamId} revision ${b.revision} (position ${b.position}): ${b.reason}\n`);
  io.out(`${result.valid ? 'valid' : 'INVALID'}: ${result.streams} streams, ${result.events} events, digest ${result.digest}\n`);
  return result.valid ? 0 : 1;
}

export function verifyCommand(open: () => EventStore, io: CliIo, exit: (code: number) => void): Command {
  return new Command('verify')
    .description('recompute hash chains: one hazard, the whole store, or against an earlier digest')
    .argument('[hazardId]', 'verify only this hazard')
    .option('--against <file>', 'digest.json from an earlier `digest`: prove nothing recorded before it changed')
    .action(async (hazardId: string | undefined, options: { against?: string }) => {
      const store = open();
      try {
        exit(await runVerify(store, io, hazardId, options.against));
      } finally {
        await store.close();
      }
    });
}
