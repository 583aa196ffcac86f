import { EventStore, RecordedEvent } from '../event-store.port';
import { CachedStream, eventsAfter, StreamStateCache } from './stream-state-cache';

/** A stream as read at its head: every event and the state folded from them. Shared: never mutate. */
export interface StreamSnapshot<S> extends CachedStream<S> {
  readonly events: readonly RecordedEvent[];
}

/**
 * Reads whole streams for the readers (history, state as of, trail), remembering the last few: a read
 * checks the remembered head against the store (eventsAfter), then reads and folds only the events
 * after it. So a long history costs one short read while it does not change, and the answer is always the
 * stream as the store holds it now — given that the log is append-only, as the port promises: an event once
 * stored is never changed (a check of that, like the integrity endpoint, reads the store itself). Bounded by
 * streams; each holds its events, so keep `capacity` modest.
 */
export class StreamReadCache<S> {
  private readonly cache: StreamStateCache<StreamSnapshot<S>>;

  constructor(
    private readonly store: EventStore,
    private readonly fold: (from: S, events: readonly RecordedEvent[]) => S,
    private readonly initial: () => S,
    capacity = 256,
  ) {
    this.cache = new StreamStateCache(capacity);
  }

  /** The stream now; rejects with StreamNotFoundError as readStream does. */
  async read(streamId: string): Promise<StreamSnapshot<S>> {
    const cached = this.cache.get(streamId);
    const after = cached && (await eventsAfter(this.store, streamId, cached));
    if (cached && after?.length === 0) return cached;
    const snapshot = cached && after ? this.extend(cached, after) : this.snapshotOf(await this.store.readStream(streamId));
    this.cache.set(streamId, snapshot);
    return snapshot;
  }

  private extend(cached: StreamSnapshot<S>, after: readonly RecordedEvent[]): StreamSnapshot<S> {
    const head = after[after.length - 1]!;
    return { revision: head.revision, headId: head.id, state: this.fold(cached.state, after), events: [...cached.events, ...after] };
  }

  private snapshotOf(events: RecordedEvent[]): StreamSnapshot<S> {
    const head = events[events.length - 1];
    return { revision: head?.revision ?? -1, headId: head?.id ?? '', state: this.fold(this.initial(), events), events };
  }
}
