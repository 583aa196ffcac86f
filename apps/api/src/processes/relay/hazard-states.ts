import { evolve, hazardDecoder, HazardEvent, HazardState, initialState } from '@hazard/domain';
import { CachedStream, EventStore, RecordedEvent, StreamStateCache } from '@hazard/event-store';
import { HazardEventRecorded } from './hazard-event-recorded.event';

/** The relay's memory of each hazard: the state after the last event of it the relay folded. */
export type HazardStateCache = StreamStateCache<CachedStream<HazardState>>;

/**
 * Turns a batch of the global log into HazardEventRecorded messages, each with the hazard's state just
 * before and after it, folded by the domain's own `evolve` from the stream's events. The relay sees every
 * event of the log in order, so the state it folded up to the event before a batch's first event of a
 * stream is that stream's own state there: it is taken from `cache` when it stands at exactly that
 * revision, and otherwise (first sight, evicted, a redelivered batch) read from the store up to that revision.
 */
export async function withHazardStates(store: EventStore, batch: readonly RecordedEvent[], cache: HazardStateCache = new StreamStateCache()): Promise<HazardEventRecorded[]> {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of batch) {
    if (hazardDecoder.idOf(e.streamId) === undefined) continue;
    const events = byStream.get(e.streamId) ?? [];
    events.push(e);
    byStream.set(e.streamId, events);
  }
  const states = new Map<string, { event: HazardEvent; before: HazardState; after: HazardState }>();
  for (const [streamId, events] of byStream) {
    let { state, revision } = await stateBefore(store, cache, streamId, events[0]!.revision);
    for (const recorded of events) {
      // A stream's events in the log are consecutive revisions; should a batch ever skip one, read it.
      if (recorded.revision !== revision + 1) ({ state, revision } = await readStateBefore(store, streamId, recorded.revision));
      const event = hazardDecoder.decode(recorded);
      if (event) {
        const after = evolve(state, event);
        states.set(recorded.id, { event, before: state, after });
        state = after;
      }
      revision = recorded.revision;
    }
    const last = events[events.length - 1]!;
    cache.set(streamId, { revision, headId: last.id, state });
  }
  return batch.flatMap((recorded) => {
    const s = states.get(recorded.id);
    return s ? [new HazardEventRecorded(recorded, s.event, s.before, s.after)] : [];
  });
}

/** The stream's state after revision `first - 1`: cached when it stands exactly there, else read and folded. */
async function stateBefore(store: EventStore, cache: HazardStateCache, streamId: string, first: number): Promise<{ state: HazardState; revision: number }> {
  const cached = cache.get(streamId);
  return cached && cached.revision === first - 1 ? cached : readStateBefore(store, streamId, first);
}

async function readStateBefore(store: EventStore, streamId: string, first: number): Promise<{ state: HazardState; revision: number }> {
  let state = initialState();
  if (first === 0) return { state, revision: -1 };
  for (const stored of await store.readStream(streamId, { maxCount: first })) {
    const event = hazardDecoder.decode(stored);
    if (event) state = evolve(state, event);
  }
  return { state, revision: first - 1 };
}
