/**
 * The event-store port: the one interface every adapter (SQLite, EventStoreDB) implements and the
 * contract suite in `testing/event-store.contract.ts` checks.
 *
 * Revision convention, the same on every adapter: the revision of a stream is the 0-based index of its
 * last event, and -1 means "no stream". Global positions are positive, strictly increasing integers;
 * position 0 means "before the first event", so `readAll({ after: 0 })` reads from the start.
 */
export const NO_STREAM = -1;

/** `number` (the revision the stream must be at, -1 for "must not exist") or `'any'` (no check). */
export type ExpectedRevision = number | 'any';

export interface Actor {
  readonly userId: string;
  readonly departmentId: string;
  readonly roles: readonly string[];
  readonly unitId?: string;
}

export interface EventMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  readonly occurredAt: string;
  readonly schemaVersion: number;
  readonly prevHash?: string;
  readonly hash?: string;
  readonly [extra: string]: unknown;
}

/** An event about to be appended. `id` must be deterministic for a command so a retried append dedupes. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent extends EventToAppend {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  /** When the store recorded it (the store's own clock; metadata.occurredAt is the command's time). */
  readonly recordedAt: string;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly position: number;
}

/**
 * Who may answer a read on a replicated store. `'leader'`: only the node that takes writes, so a decision
 * (the command path: read, fold, decide, append) never folds a lagging copy. `'any'`: a follower may answer
 * with a copy that is a little behind — for queries, reports and consumers, which follow positions anyway.
 * Single-node stores (SQLite) ignore it.
 */
export type ReadConsistency = 'leader' | 'any';

export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default 0. */
  readonly fromRevision?: number;
  /** Maximum number of events. */
  readonly maxCount?: number;
  /** Default `'leader'`: a read that is not part of a decision may pass `'any'`. */
  readonly consistency?: ReadConsistency;
}

export interface ReadAllOptions {
  /** Return events with a position strictly greater than this. 0 reads from the start. */
  readonly after: number;
  /** Maximum number of events in one page. */
  readonly maxCount: number;
  /** Default `'any'`: the global log is read by consumers and queries, never to decide a command. */
  readonly consistency?: ReadConsistency;
}

export interface SubscribeOptions {
  /** Deliver events with a position strictly greater than this: first the stored ones, then new ones live. */
  readonly after: number;
  /** Stops the subscription; the iterator then ends. */
  readonly signal?: AbortSignal;
}

/** Which log a store holds: checkpoints kept beside it are positions in this log and no other. */
export interface StoreIdentity {
  readonly store: 'sqlite' | 'postgres' | 'eventstoredb';
  /** Stable for the life of the log, different for every other log (a fresh file, database or cluster). */
  readonly logId: string;
}

export interface EventStore {
  /**
   * Appends atomically: all events of the call or none. Resolves only once the events are durable.
   * Rejects with `WrongExpectedRevisionError` when the stream is not at `expectedRevision`. A retried
   * append — its events' ids already stored in this stream by an earlier append — stores nothing and
   * resolves with that earlier append's result, even though its `expectedRevision` is stale by now.
   */
  append(streamId: string, events: readonly EventToAppend[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;

  /** Reads a stream in revision order. Rejects with `StreamNotFoundError` when it does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** One page of the global log in position order. */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * Catch-up, then live: every event after `options.after`, in position order, each once, until the
   * signal aborts or the store is closed (the iteration then simply ends).
   */
  subscribeToAll(options: SubscribeOptions): AsyncIterable<RecordedEvent>;

  /** Position of the last event in the global log (0 when empty). */
  headPosition(): Promise<number>;

  /** The log this store holds; made once (on first open or first call) and the same ever after. */
  identity(): Promise<StoreIdentity>;

  /** Flushes pending appends and releases the store. */
  close(): Promise<void>;
}
