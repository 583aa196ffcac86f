import { Command, InvalidArgumentError } from 'commander';
import { Catalogue, describeEvent, HazardEvent, hazardDecoder, regionName, sectorName } from '@hazard/domain';
import { EventStore, StreamNotFoundError } from '@hazard/event-store';
import { CliIo } from './cli-io';

/**
 * `replay <hazardId> [--as-of time]`: the history as a timeline a reviewer can paste into a report, with the
 * sector, region and 判定依据 named from the catalogue the server reads (CATALOGUE_FILE).
 */
export async function runReplay(store: EventStore, catalogue: Catalogue, io: CliIo, hazardId: string, asOf?: string): Promise<number> {
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
    const names = catalogueNames(catalogue, hazardDecoder.decode(e));
    io.out(`${e.metadata.occurredAt}  #${e.revision}  ${who.padEnd(32)}  ${e.type}: ${describeEvent(hazardDecoder.upcast(e))}${names ? `; ${names}` : ''}\n`);
  }
  return 0;
}

/** 行业 燃气, 区划 上城区, 判定依据 CZRQ-2023:5(2) <title>: what an event's codes mean, or '' when it has none. */
function catalogueNames(catalogue: Catalogue, event: HazardEvent | undefined): string {
  const names: string[] = [];
  if (event?.type === 'HazardFound') {
    names.push(`行业 ${sectorName(catalogue, event.data.sector)}`, `区划 ${regionName(catalogue, event.data.regionCode)}`);
  }
  const basisCode = event?.type === 'HazardFound' || event?.type === 'HazardFoundAgain' || event?.type === 'HazardLevelChanged' ? event.data.basisCode : null;
  if (basisCode) names.push(`判定依据 ${basisOf(catalogue, basisCode)}`);
  return names.join(', ');
}

/** The clause's code and title; a code the catalogue no longer lists, as it is. */
function basisOf(catalogue: Catalogue, basisCode: string): string {
  const basis = catalogue.bases.find((candidate) => candidate.code === basisCode);
  return basis ? `${basis.code} ${basis.title}` : basisCode;
}

export function replayCommand(open: () => EventStore, catalogue: () => Catalogue, io: CliIo, exit: (code: number) => void): Command {
  return new Command('replay')
    .description("print a hazard's history as a readable timeline")
    .argument('<hazardId>')
    .option('--as-of <time>', 'only what had happened by this ISO-8601 time', (value: string) => {
      if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError(`--as-of must be an ISO-8601 time, got '${value}'`);
      return value;
    })
    .action(async (hazardId: string, options: { asOf?: string }) => {
      const reference = catalogue();
      const store = open();
      try {
        exit(await runReplay(store, reference, io, hazardId, options.asOf));
      } finally {
        await store.close();
      }
    });
}
