import type {
  AllStreamResolvedEvent,
  AllStreamRecordedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';
import type { EsdbClient, EsdbSubscription } from '../esdb-client';

/** An event as the client hands it over from `$all`, built by hand: JSON data, a position, a created date. */
export function storedEvent(overrides: Partial<AllStreamRecordedEvent> & { readonly at: bigint }): AllStreamRecordedEvent {
  const { at, ...rest } = overrides;
  return {
    streamId: 'hazard-1',
    id: '00000000-0000-4000-8000-000000000000',
    revision: 0n,
    type: 'HazardFound',
    created: new Date('2025-03-01T08:00:00.123Z'),
    data: {},
    metadata: {},
    isJson: true,
    position: { commit: at, prepare: at },
    ...rest,
  } as AllStreamRecordedEvent;
}

/**
 * A stand-in for `EventStoreDBClient` with no server: `$all` is the `log` array, read the way the server
 * reads it (forwards from a position inclusive, backwards from it exclusive); appends are scripted per test.
 */
export class FakeEsdbClient implements EsdbClient {
  readonly appendCalls: Array<{ streamName: string; events: EventData[]; options: AppendToStreamOptions }> = [];
  readonly readStreamCalls: Array<{ streamName: string; options: ReadStreamOptions }> = [];
  readonly unsubscribed: string[] = [];
  disposed = 0;
  appendResult: () => Promise<AppendResult> = () => Promise.reject(new Error('no append scripted'));
  readStreamFailure?: unknown;

  constructor(readonly log: AllStreamRecordedEvent[] = []) {}

  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult> {
    this.appendCalls.push({ streamName, events, options });
    return this.appendResult();
  }

  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent> {
    this.readStreamCalls.push({ streamName, options });
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : 0n;
    const events = this.log.filter((event) => event.streamId === streamName && event.revision >= from);
    const failure = this.readStreamFailure;
    return (async function* () {
      if (failure) throw failure;
      yield* events.slice(0, Number(options.maxCount ?? events.length)).map((event) => ({ event }));
    })();
  }

  readAll({ fromPosition = 'start', maxCount = Number.MAX_SAFE_INTEGER, direction = 'forwards' }: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent> {
    const page =
      direction === 'forwards'
        ? this.log.filter((event) => fromPosition === 'start' || (fromPosition !== 'end' && !before(event.position, fromPosition)))
        : [...this.log].reverse().filter((event) => fromPosition === 'end' || (fromPosition !== 'start' && before(event.position, fromPosition)));
    return (async function* () {
      yield* page.slice(0, Number(maxCount)).map((event) => ({ event }));
    })();
  }

  /** Delivers the stored events from `fromPosition` (inclusive), then waits for "live" ones until unsubscribed. */
  subscribeToAll(options: SubscribeToAllOptions): EsdbSubscription & { readonly options: SubscribeToAllOptions } {
    const { log, unsubscribed } = this;
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const from = options.fromPosition;
    let ended = false;
    const id = `subscription-${unsubscribed.length}`;
    return {
      options,
      unsubscribe: async () => {
        ended = true;
        unsubscribed.push(id);
        stop();
      },
      async *[Symbol.asyncIterator]() {
        for (const event of log) {
          if (ended) return;
          if (from && from !== 'start' && from !== 'end' && before(event.position, from)) continue;
          yield { event };
        }
        await stopped;
      },
    };
  }

  async dispose(): Promise<void> {
    this.disposed += 1;
  }
}

function before(a: Position, b: Position): boolean {
  return a.commit < b.commit || (a.commit === b.commit && a.prepare < b.prepare);
}
