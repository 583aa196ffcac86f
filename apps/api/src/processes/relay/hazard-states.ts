import { evolve, hazardDecoder, HazardEvent, HazardState, initialState } from '@hazard/domain';
import { EventStore, RecordedEvent } from '@hazard/event-store';
import { HazardEventRecorded } from './hazard-event-recorded.event';

/**
 * Turns a batch of the global log into HazardEventRecorded messages, each with the hazard's state just
 * before and after it. Each hazard's stream is read once per batch, up to the batch's last event of it, and
 * folded from the start: the state is the stream's own, not a copy the relay would have to keep in step.
 */
export async function withHazardStates(store: EventStore, batch: readonly RecordedEvent[]): Promise<HazardEventRecorded[]> {
  const hazardEvents = batch.filter((e) => hazardDecoder.idOf(e.streamId) !== undefined && hazardDecoder.decode(e) !== undefined);
  const lastRevision = new Map<string, number>();
  for (const e of hazardEvents) lastRevision.set(e.streamId, Math.max(e.revision, lastRevision.get(e.streamId) ?? -1));

  const wanted = new Set(hazardEvents.map((e) => e.id));
  const states = new Map<string, { event: HazardEvent; before: HazardState; after: HazardState }>();
  for (const [streamId, revision] of lastRevision) {
    let state = initialState();
    for (const stored of await store.readStream(streamId, { maxCount: revision + 1 })) {
      const event = hazardDecoder.decode(stored);
      if (!event) continue;
      const after = evolve(state, event);
      if (wanted.has(stored.id)) states.set(stored.id, { event, before: state, after });
      state = after;
    }
  }
  return hazardEvents.map((recorded) => {
    const s = states.get(recorded.id);
    if (!s) throw new Error(`event ${recorded.id} at position ${recorded.position} is not in its stream ${recorded.streamId}`);
    return new HazardEventRecorded(recorded, s.event, s.before, s.after);
  });
}
