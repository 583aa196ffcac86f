import { Logger } from '@nestjs/common';
import { EventBus, IEvent } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@hazard/event-store';
import { testMetadata } from '@hazard/event-store/testing';
import { SagaCommandsInFlight } from '../escalation/saga-commands-in-flight';
import { eventually } from '../../../../../test/support/processes-probe';
import { EventBusRelay } from './event-bus-relay.service';
import { HazardEventRecorded } from './hazard-event-recorded.event';

/**
 * The relay's guarantee, without Nest: the checkpoint moves only after the commands a saga sent for the
 * batch have finished, and a failed command means redelivery, not loss.
 */
describe('EventBusRelay: publish, wait for the saga commands, then checkpoint', () => {
  let store: SqliteEventStore;
  let db: Database.Database;
  let relay: EventBusRelay;
  const inFlight = new SagaCommandsInFlight();
  let saga: (message: HazardEventRecorded) => Promise<unknown>;
  const seen: { type: string; checkpoint: number }[] = [];

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    store = SqliteEventStore.open({ file: ':memory:' });
    db = new Database(':memory:');
    seen.length = 0;
    // A stand-in for EventBus + one saga: publish() dispatches the saga's command synchronously, as Nest does.
    const bus = { publish: (message: IEvent) => void inFlight.track(saga(message as HazardEventRecorded)).catch(() => undefined) };
    relay = new EventBusRelay(store, db, bus as unknown as EventBus, inFlight);
    await store.append('hazard-h1', [{ id: 'e1', type: 'HazardFound', data: { hazardId: 'h1', level: 'major' }, metadata: testMetadata() }], { expectedRevision: -1 });
  });

  afterEach(async () => {
    await relay.onModuleDestroy();
    await store.close();
    db.close();
  });

  it('publishes each hazard event with the state before and after it', async () => {
    saga = async (m) => seen.push({ type: m.event.type, checkpoint: relay.checkpoint() });
    relay.onApplicationBootstrap();
    await eventually(() => relay.checkpoint() === 1, 'the checkpoint');
    expect(seen).toEqual([{ type: 'HazardFound', checkpoint: 0 }]);
  });

  it('does not move the checkpoint while a command is still running', async () => {
    let finish!: () => void;
    saga = () => new Promise<void>((resolve) => (finish = resolve));
    relay.onApplicationBootstrap();
    await eventually(() => finish !== undefined, 'the saga command');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(relay.checkpoint()).toBe(0);
    finish();
    await eventually(() => relay.checkpoint() === 1, 'the checkpoint');
  });

  it('redelivers the batch when a command fails, then moves on', async () => {
    saga = async (m) => {
      seen.push({ type: m.event.type, checkpoint: relay.checkpoint() });
      if (seen.length === 1) throw new Error('store unavailable');
    };
    relay.onApplicationBootstrap();
    await eventually(() => relay.checkpoint() === 1, 'the checkpoint after the retry');
    expect(seen).toEqual([
      { type: 'HazardFound', checkpoint: 0 },
      { type: 'HazardFound', checkpoint: 0 },
    ]);
  });
});
