import { streamIdFor } from '@hazard/domain';
import { EventStore, ReadStreamOptions, RecordedEvent, SqliteEventStore, StreamStateCache } from '@hazard/event-store';
import { testEvent } from '@hazard/event-store/testing';
import { aHazard } from '../../../../../libs/domain/src/testing/hazard.mother';
import { HazardStateCache, withHazardStates } from './hazard-states';

/** The store, counting the stream reads. */
function counted(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const proxy = Object.assign(Object.create(store) as EventStore, {
    readStream: (id: string, options?: ReadStreamOptions) => {
      reads += 1;
      return store.readStream(id, options);
    },
  });
  return { store: proxy, reads: () => reads };
}

const states = (messages: Awaited<ReturnType<typeof withHazardStates>>) => messages.map((m) => ({ id: m.recorded.id, before: m.before, after: m.after }));

describe('the relay folds each hazard from the events it receives and the states it keeps', () => {
  let sqlite: SqliteEventStore;
  let log: RecordedEvent[];

  beforeEach(async () => {
    sqlite = SqliteEventStore.open({ file: ':memory:' });
    // Two hazards, their events interleaved as in the global log.
    const one = aHazard({ hazardId: 'h1' }).assigned().rectified().verified();
    const two = aHazard({ hazardId: 'h2' }).assigned().rectified();
    const longest = Math.max(one.events.length, two.events.length);
    for (let revision = 0; revision < longest; revision++) {
      for (const [hazardId, h] of [['h1', one], ['h2', two]] as const) {
        const event = h.events[revision];
        if (event) await sqlite.append(streamIdFor(hazardId), [testEvent({ type: event.type, data: event.data })], { expectedRevision: revision - 1 });
      }
    }
    log = await sqlite.readAll({ after: 0, maxCount: 100 });
  });
  afterEach(() => sqlite.close());

  it('gives every batch the states a fold of the whole stream gives, reading no stream it has seen', async () => {
    const reference = states(await withHazardStates(sqlite, log));
    const { store, reads } = counted(sqlite);
    const cache: HazardStateCache = new StreamStateCache();
    const batched = [];
    for (let i = 0; i < log.length; i += 3) batched.push(...states(await withHazardStates(store, log.slice(i, i + 3), cache)));
    expect(batched).toEqual(reference);
    expect(reads()).toBe(0); // each stream was first seen at its revision 0, then followed
  });

  it('reads the stream again for a redelivered batch, whose first event the cached state is already past', async () => {
    const cache: HazardStateCache = new StreamStateCache();
    const { store, reads } = counted(sqlite);
    await withHazardStates(store, log.slice(0, 4), cache);
    await withHazardStates(store, log.slice(4), cache);
    const again = states(await withHazardStates(store, log.slice(4), cache));
    expect(again).toEqual(states(await withHazardStates(sqlite, log)).slice(4));
    expect(reads()).toBe(2);
  });

  it('reads up to the batch when it starts in the middle of a stream it never saw', async () => {
    const { store, reads } = counted(sqlite);
    const tail = states(await withHazardStates(store, log.slice(5), new StreamStateCache()));
    expect(tail).toEqual(states(await withHazardStates(sqlite, log)).slice(5));
    expect(reads()).toBe(2);
  });
});
