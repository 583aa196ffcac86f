import { EventStore, ReadStreamOptions } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testActor, testEvent } from '../testing';
import { CommandEnvelope, CommandStateCache, Decider, handleCommand } from './handle-command';
import { StreamStateCache } from './stream-state-cache';

type Counted = { type: 'Counted'; data: { by: string } };
type Count = { type: 'Count'; by: string };
/** The state lists who counted, so a fold that skipped or repeated an event shows. */
const counter: Decider<Count, Counted, readonly string[]> = {
  decide: (c) => [{ type: 'Counted', data: { by: c.by } }],
  evolve: (s, e) => [...s, e.data.by],
  initialState: () => [],
};

let sequence = 0;
const envelope = (commandId = `cmd-${++sequence}`): CommandEnvelope => ({
  commandId, correlationId: commandId, causationId: commandId, actor: testActor(), occurredAt: '2026-03-01T00:00:00.000Z',
});
const count = (store: EventStore, cache: CommandStateCache<readonly string[]>, by: string, env = envelope()) =>
  handleCommand(store, 's', counter, { type: 'Count', by }, env, { cache });

/** The store, noting the revision each readStream starts from. */
function watched(store: EventStore): { store: EventStore; reads: number[] } {
  const reads: number[] = [];
  const proxy = Object.assign(Object.create(store) as EventStore, {
    readStream: (id: string, options?: ReadStreamOptions) => {
      reads.push(options?.fromRevision ?? 0);
      return store.readStream(id, options);
    },
  });
  return { store: proxy, reads };
}

describe('the command path with a state cache keyed by stream and revision (int, SQLite)', () => {
  let sqlite: SqliteEventStore;
  beforeEach(() => {
    sqlite = SqliteEventStore.open({ file: ':memory:' });
  });
  afterEach(() => sqlite.close());

  it('reads only from the cached revision on, and folds the same state as a whole read', async () => {
    const { store, reads } = watched(sqlite);
    const cache: CommandStateCache<readonly string[]> = new StreamStateCache();
    for (const by of ['a', 'b', 'c']) await count(store, cache, by);
    expect(reads).toEqual([0, 0, 1]); // none cached, then from the revision each append left
    const uncached = await handleCommand(sqlite, 's', counter, { type: 'Count', by: 'd' }, envelope());
    const cached = await count(store, cache, 'e');
    expect(uncached.state).toEqual(['a', 'b', 'c', 'd']);
    expect(cached).toMatchObject({ state: ['a', 'b', 'c', 'd', 'e'], revision: 4 });
  });

  it('folds what another writer appended behind the cache, and chains onto it', async () => {
    const cache: CommandStateCache<readonly string[]> = new StreamStateCache();
    await count(sqlite, cache, 'a');
    await handleCommand(sqlite, 's', counter, { type: 'Count', by: 'other' }, envelope()); // another process: no cache
    const outcome = await count(sqlite, cache, 'b');
    expect(outcome).toMatchObject({ state: ['a', 'other', 'b'], revision: 2 });
    const [, other, mine] = await sqlite.readStream('s');
    expect(mine!.metadata.prevHash).toBe(other!.metadata.hash);
  });

  it('reads the whole stream when the store no longer holds the cached event at that revision', async () => {
    const cache: CommandStateCache<readonly string[]> = new StreamStateCache();
    await count(sqlite, cache, 'a');
    const elsewhere = SqliteEventStore.open({ file: ':memory:' });
    try {
      await elsewhere.append('s', [testEvent({ type: 'Counted', data: { by: 'x' } }), testEvent({ type: 'Counted', data: { by: 'y' } })], { expectedRevision: -1 });
      expect(await count(elsewhere, cache, 'b')).toMatchObject({ state: ['x', 'y', 'b'], revision: 2 });
    } finally {
      await elsewhere.close();
    }
  });

  it('answers a retried commandId from the stream although its state is cached', async () => {
    const cache: CommandStateCache<readonly string[]> = new StreamStateCache();
    const same = envelope('retried');
    const first = await count(sqlite, cache, 'a', same);
    await count(sqlite, cache, 'b');
    const again = await count(sqlite, cache, 'a', same);
    expect(again).toMatchObject({ replayed: true, revision: first.revision, state: ['a'] });
    expect(await sqlite.readStream('s')).toHaveLength(2);
  });

  it('holds at most its capacity, dropping the least recently used stream', () => {
    const cache = new StreamStateCache<{ revision: number; headId: string; state: number }>(2);
    cache.set('one', { revision: 0, headId: 'e1', state: 1 });
    cache.set('two', { revision: 0, headId: 'e2', state: 2 });
    cache.get('one');
    cache.set('three', { revision: 0, headId: 'e3', state: 3 });
    expect([cache.get('one')?.state, cache.get('two'), cache.get('three')?.state, cache.size]).toEqual([1, undefined, 3, 2]);
  });
});
