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
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}
