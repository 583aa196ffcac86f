import { StreamNotFoundError } from '../errors';
import { EventStore, RecordedEvent } from '../event-store.port';

/**
 * What a consumer of a stream remembers of it: the state folded up to `revision`, and the id of the event at
 * that revision, by which a later read proves the store still holds that very event there.
 */
export interface CachedStream<S> {
  readonly revision: number;
  readonly headId: string;
  readonly state: S;
}

/**
 * A bounded map from stream to the state folded so far, least recently used dropped first, so a reader of a
 * long stream folds only the events after what it already saw. It is never the truth: whoever uses an entry
 * first reads the stream from the entry's revision (readTail) and uses it only if the event there is the
 * one remembered — so a state is never newer or older than the store, whoever else appended meanwhile.
 */
export class StreamStateCache<E extends CachedStream<unknown>> {
  private readonly entries = new Map<string, E>();

  constructor(readonly capacity = 10_000) {}

  get(streamId: string): E | undefined {
    const entry = this.entries.get(streamId);
    if (entry) this.remember(streamId, entry);
    return entry;
  }

  set(streamId: string, entry: E): void {
    this.remember(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }

  private remember(streamId: string, entry: E): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
  }
}

/**
 * The stream's events after `cached`, read from the cached revision on: undefined when the store no longer
 * holds the remembered event there (another store, a reset), and the caller must read the whole stream.
 */
export async function eventsAfter(store: EventStore, streamId: string, cached: CachedStream<unknown>): Promise<RecordedEvent[] | undefined> {
  let tail: RecordedEvent[];
  try {
    tail = await store.readStream(streamId, { fromRevision: cached.revision });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  const head = tail[0];
  return head && head.id === cached.headId && head.revision === cached.revision ? tail.slice(1) : undefined;
}
