import { WrongExpectedRevisionError } from '../errors';
import { EventStore } from '../event-store.port';
import { CommandEnvelope, Decider, handleCommand, RevisionMismatchError } from './handle-command';
import { GENESIS_HASH } from '../hash-chain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { testActor, testEvent } from '../testing';

type Counted = { type: 'Counted'; data: { by: string } };
type Count = { type: 'Count'; by: string };
const counter: Decider<Count, Counted, number> = {
  decide: (c) => [{ type: 'Counted', data: { by: c.by } }],
  evolve: (n) => n + 1,
  initialState: () => 0,
};

let sequence = 0;
const envelope = (commandId = `cmd-${++sequence}`): CommandEnvelope => ({
  commandId, correlationId: commandId, causationId: commandId, actor: testActor(), occurredAt: '2026-03-01T00:00:00.000Z',
});

/** A store where someone else appends to the stream between our read and our append, `times` times. */
function withInterference(store: EventStore, streamId: string, times: number): EventStore {
  let left = times;
  return Object.assign(Object.create(store) as EventStore, {
    readStream: async (id: string) => {
      const events = await store.readStream(id);
      if (id === streamId && left-- > 0) await store.append(id, [testEvent({ type: 'Counted', data: { by: 'other' } })], { expectedRevision: 'any' });
      return events;
    },
  });
}

describe('handleCommand: read → fold → decide → append (int, SQLite)', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.open({ file: ':memory:' });
  });
  afterEach(() => store.close());

  it('chains hashes from genesis and folds the new state', async () => {
    const first = await handleCommand(store, 's1', counter, { type: 'Count', by: 'a' }, envelope());
    const second = await handleCommand(store, 's1', counter, { type: 'Count', by: 'b' }, envelope());
    expect([first.state, second.state, second.revision]).toEqual([1, 2, 1]);
    const [e0, e1] = await store.readStream('s1');
    expect(e0!.metadata.prevHash).toBe(GENESIS_HASH);
    expect(e1!.metadata.prevHash).toBe(e0!.metadata.hash);
  });

  it('retries on fresh state when a concurrent writer moved the stream', async () => {
    await handleCommand(store, 's2', counter, { type: 'Count', by: 'a' }, envelope());
    const outcome = await handleCommand(withInterference(store, 's2', 2), 's2', counter, { type: 'Count', by: 'b' }, envelope());
    expect(outcome).toMatchObject({ state: 4, revision: 3, replayed: false });
  });

  it('gives up after the bounded number of attempts', async () => {
    await handleCommand(store, 's3', counter, { type: 'Count', by: 'a' }, envelope());
    await expect(handleCommand(withInterference(store, 's3', 10), 's3', counter, { type: 'Count', by: 'b' }, envelope(), { maxAttempts: 3 }))
      .rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('does not retry a pinned revision (If-Match): the conflict is the client’s to resolve', async () => {
    await handleCommand(store, 's4', counter, { type: 'Count', by: 'a' }, envelope());
    await expect(handleCommand(store, 's4', counter, { type: 'Count', by: 'b' }, envelope(), { expectedRevision: 5 })).rejects.toBeInstanceOf(RevisionMismatchError);
    await expect(handleCommand(withInterference(store, 's4', 1), 's4', counter, { type: 'Count', by: 'b' }, envelope(), { expectedRevision: 0 }))
      .rejects.toBeInstanceOf(RevisionMismatchError);
  });

  it('answers a commandId already in the stream from the stream and appends nothing', async () => {
    const same = envelope('retried');
    const first = await handleCommand(store, 's5', counter, { type: 'Count', by: 'a' }, same);
    await handleCommand(store, 's5', counter, { type: 'Count', by: 'b' }, envelope());
    const again = await handleCommand(store, 's5', counter, { type: 'Count', by: 'a' }, same);
    expect(again).toMatchObject({ replayed: true, revision: first.revision, position: first.position, state: 1 });
    expect(await store.readStream('s5')).toHaveLength(2);
  });

  it('authorizes on the state the command applies to, before deciding', async () => {
    await expect(handleCommand(store, 's6', counter, { type: 'Count', by: 'a' }, envelope(), {
      authorize: (_c, state) => {
        if (state === 0) throw new Error('not on an empty counter');
      },
    })).rejects.toThrow('not on an empty counter');
    await expect(store.readStream('s6')).rejects.toThrow('not found');
  });
});
