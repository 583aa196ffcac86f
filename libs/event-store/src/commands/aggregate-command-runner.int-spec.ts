import { createDecoder, SYSTEM_ACTOR, type Actor, type Aggregate, type StampedCommand } from '@hazard/domain';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { AggregateCommandRunner, type CommandObservation } from './aggregate-command-runner';

type Tick = { type: 'Tick'; id: string; refuse?: boolean; now: string; actor: Actor; commandId: string };
type Ticked = { type: 'Ticked'; data: { id: string } };
class TickRefused extends Error {}

const ticker: Aggregate<Tick & StampedCommand, Ticked, number> = {
  decider: {
    decide: (c) => {
      if (c.refuse) throw new TickRefused('no');
      return [{ type: 'Ticked', data: { id: c.id } }];
    },
    evolve: (n) => n + 1,
    initialState: () => 0,
  },
  decoder: createDecoder<Ticked>({ streamPrefix: 'tick-', eventTypes: ['Ticked'], upcasters: [] }),
  idOf: (c) => c.id,
  authorize: () => undefined,
  schemaVersionOf: () => 1,
};

const context = (commandId: string) => ({ actor: SYSTEM_ACTOR, commandId, correlationId: commandId, causationId: commandId });

describe('AggregateCommandRunner observer (int, SQLite)', () => {
  let store: SqliteEventStore;
  let seen: CommandObservation[];
  let runner: AggregateCommandRunner<Tick & StampedCommand, Ticked, number>;
  beforeEach(() => {
    store = SqliteEventStore.open({ file: ':memory:' });
    seen = [];
    runner = new AggregateCommandRunner(store, ticker, () => new Date('2026-03-01T00:00:00Z'), { observer: (o) => seen.push(o) });
  });
  afterEach(() => store.close());

  it('reports a recorded command with its event types and duration, a replay with none', async () => {
    await runner.run({ type: 'Tick', id: 'a' }, context('c1'));
    await runner.run({ type: 'Tick', id: 'a' }, context('c1'));

    expect(seen).toEqual([
      { command: 'Tick', seconds: expect.any(Number), outcome: { eventTypes: ['Ticked'], replayed: false } },
      { command: 'Tick', seconds: expect.any(Number), outcome: { eventTypes: [], replayed: true } },
    ]);
    expect(seen[0]?.seconds).toBeGreaterThan(0);
  });

  it('reports a refusal with its error and still rejects with it', async () => {
    await expect(runner.run({ type: 'Tick', id: 'b', refuse: true }, context('c2'))).rejects.toThrow(TickRefused);

    expect(seen).toEqual([{ command: 'Tick', seconds: expect.any(Number), error: expect.any(TickRefused) }]);
  });

  it('is not failed by an observer that throws', async () => {
    const throwing = new AggregateCommandRunner(store, ticker, () => new Date(), {
      observer: () => {
        throw new Error('metrics broke');
      },
    });

    await expect(throwing.run({ type: 'Tick', id: 'c' }, context('c3'))).resolves.toMatchObject({ revision: 0 });
  });
});
