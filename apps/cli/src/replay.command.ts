import { Command, InvalidArgumentError } from 'commander';
import { describeEvent, hazardDecoder } from '@hazard/domain';
import { EventStore, StreamNotFoundError } from '@hazard/event-store';
import { CliIo } from './cli-io';

/** `replay <hazardId> [--as-of time]`: the history as a timeline a reviewer can paste into a report. */
export async function runReplay(store: EventStore, io: CliIo, hazardId: string, asOf?: string): Promise<number> {
  let events;
  try {
    events = await store.readStream(hazardDecoder.streamIdFor(hazardId));
  } catch (error) {
    if (error instanceof StreamNotFoundError) {
      io.err(`hazard ${hazardId} not found\n`);
      return 2;
    }
    throw error;
  }
  const until = asOf === undefined ? Infinity : Date.parse(asOf);
  const shown = events.filter((e) => Date.parse(e.metadata.occurredAt) <= until);
  io.out(`hazard ${hazardId}${asOf ? ` as of ${asOf}` : ''}: ${shown.length} of ${events.length} events\n`);
  for (const e of shown) {
    const who = `${e.metadata.actor.userId} (${e.metadata.actor.departmentId})`;
    io.out(`${e.metadata.occurredAt}  #${e.revision}  ${who.padEnd(32)}  ${e.type}: ${describeEvent(hazardDecoder.upcast(e))}\n`);
  }
  return 0;
}

export function replayCommand(open: () => EventStore, io: CliIo, exit: (code: number) => void): Command {
  return new Command('replay')
    .description("print a hazard's history as a readable timeline")
    .argument('<hazardId>')
    .option('--as-of <time>', 'only what had happened by this ISO-8601 time', (value: string) => {
      if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(`--as-of must be an ISO-8601 time, got '${value}'`);
      return value;
    })
    .action(async (hazardId: string, options: { asOf?: string }) => {
      const store = open();
      try {
        exit(await runReplay(store, io, hazardId, options.asOf));
      } finally {
        await store.close();
      }
    });
}
