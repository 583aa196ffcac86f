import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';

/**
 * The part of `EventStoreDBClient` the adapter uses. The real client satisfies it as it is; unit specs pass a
 * hand-made one to exercise the mapping without a server. Reads are consumed only as async iterables.
 */
export interface EsdbClient {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult>;
  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): EsdbSubscription;
  dispose(): Promise<void>;
}

export interface EsdbSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  /** Cancels the gRPC call; the stream then ends. */
  unsubscribe(): Promise<void>;
  /** The client's subscription is a Node stream: destroying it ends a pending iteration for certain. */
  destroy?(): unknown;
  /** The client's subscription emits `confirmation` once the server has accepted it. */
  once?(event: 'confirmation', listener: () => void): unknown;
}

/** A call that got no answer within its deadline (the adapter's own: the client sets none on reads). */
export class CallDeadlineError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} got no answer within ${ms} ms`);
  }
}

/**
 * Collects a read, or rejects with `CallDeadlineError` once `ms` have passed — the client's reads carry no
 * gRPC deadline at all (it passes `deadline: Infinity`), so without this a read of a stalled node waits for
 * ever. On expiry the read is cancelled and destroyed, so its call does not linger on the channel.
 */
export async function collect<T>(items: AsyncIterable<T>, ms = 0, what = 'a read'): Promise<T[]> {
  const collecting = (async () => {
    const collected: T[] = [];
    for await (const item of items) collected.push(item);
    return collected;
  })();
  if (ms <= 0) return collecting;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      collecting.catch(() => undefined); // the destroyed read rejects later: nobody is waiting for it
      stopRead(items);
      reject(new CallDeadlineError(what, ms));
    }, ms);
  });
  try {
    return await Promise.race([collecting, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves as `operation` does, or rejects with `CallDeadlineError` after `ms`; a late outcome is dropped. */
export async function within<T>(operation: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      operation.catch(() => undefined);
      reject(new CallDeadlineError(what, ms));
    }, ms);
  });
  try {
    return await Promise.race([operation, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function stopRead(items: unknown): void {
  const read = items as { cancel?: () => Promise<void>; destroy?: () => void };
  read.cancel?.().catch(() => undefined);
  read.destroy?.();
}
