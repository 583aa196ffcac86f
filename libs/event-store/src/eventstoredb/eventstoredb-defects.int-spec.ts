import { status } from '@grpc/grpc-js';
import { StoreClosedError, StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { testEvents, uniqueStreamId } from '../testing';
import { standInFixture, type StandInFixture } from './testing/stand-in-fixture';

/**
 * The four defects of issue 16, each against the real `@eventstore/db-client` over gRPC to the in-process
 * stand-in, scripted to answer as a 24.10 server does in that situation. Each test failed before its fix.
 */
describe('EventStoreDbEventStore over the gRPC stand-in: the known defects', () => {
  let fixture: StandInFixture;
  afterEach(() => fixture.dispose());

  const appendNew = (store: ReturnType<StandInFixture['connect']>, streamId = uniqueStreamId()) =>
    store.append(streamId, testEvents(1), { expectedRevision: NO_STREAM });

  describe('1: a failed cluster discovery', () => {
    it('fails that append with StoreUnavailableError, and the next append after the cluster answers again succeeds', async () => {
      fixture = await standInFixture();
      const { standIn } = fixture;
      const seeds = `${standIn.address},${standIn.address}`;
      const store = fixture.connect('', `esdb://${seeds}?tls=false&maxDiscoverAttempts=1&discoveryInterval=1&gossipTimeout=1`);
      standIn.script.gossip.push(...Array.from({ length: 20 }, () => ({ status: status.UNAVAILABLE, details: 'election under way' })));

      await expect(appendNew(store)).rejects.toBeInstanceOf(StoreUnavailableError);
      standIn.script.gossip.length = 0; // the election is over

      await expect(store.readAll({ after: 0, maxCount: 10 })).resolves.toEqual([]);
      await expect(appendNew(store)).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expect(appendNew(store)).resolves.toMatchObject({ nextExpectedRevision: 0 });
    });

    it('recovers the same way from a server-features check that timed out on a single node', async () => {
      fixture = await standInFixture();
      const store = fixture.connect();
      fixture.standIn.script.serverFeatures.push({ status: status.DEADLINE_EXCEEDED, details: 'Deadline Exceeded' });

      await expect(appendNew(store)).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await expect(appendNew(store)).resolves.toMatchObject({ nextExpectedRevision: 0 });
    });
  });

  describe.each([
    ['BatchAppend', true],
    ['unary Append', false],
  ])('2: the answers of a server that cannot serve now, over %s', (_name, batchAppend) => {
    it.each(['not-ready', 'too-busy', 'no-leader-info'] as const)('turns "%s" into StoreUnavailableError (503), and the retry succeeds', async (reason) => {
      fixture = await standInFixture({ batchAppend });
      const store = fixture.connect();
      const streamId = uniqueStreamId();
      fixture.standIn.script.append.push({ notHandled: reason });

      await expect(appendNew(store, streamId)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(appendNew(store, streamId)).resolves.toMatchObject({ nextExpectedRevision: 0 });
    });
  });

  it.each(['not-ready', 'too-busy', 'no-leader-info'] as const)('2: turns "%s" on a read into StoreUnavailableError', async (reason) => {
    fixture = await standInFixture();
    const store = fixture.connect();
    fixture.standIn.script.read.push({ notHandled: reason });

    await expect(store.readStream(uniqueStreamId())).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  describe.each([
    ['BatchAppend', true],
    ['unary Append', false],
  ])('3: with throwOnAppendFailure=false, over %s', (_name, batchAppend) => {
    it('reports a refused append as WrongExpectedRevisionError with the stream’s real revision, and stores nothing', async () => {
      fixture = await standInFixture({ batchAppend });
      const store = fixture.connect('throwOnAppendFailure=false');
      const streamId = uniqueStreamId();
      await store.append(streamId, testEvents(2), { expectedRevision: NO_STREAM });

      const refused = store.append(streamId, testEvents(1), { expectedRevision: 0 });

      await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(refused).rejects.toMatchObject({ expected: 0, actual: 1 });
      expect(await store.readStream(streamId)).toHaveLength(2);
    });
  });

  describe('4: close()', () => {
    it('lets an append in flight finish, then refuses new calls with StoreClosedError', async () => {
      fixture = await standInFixture();
      const store = fixture.connect();
      const streamId = uniqueStreamId();
      await appendNew(store); // connected, features known
      fixture.standIn.script.append.push({ delayMs: 300 });

      const inFlight = store.append(streamId, testEvents(1), { expectedRevision: NO_STREAM });
      await new Promise((resolve) => setTimeout(resolve, 50)); // the append has reached the server
      const closing = store.close();

      await expect(inFlight).resolves.toMatchObject({ nextExpectedRevision: 0 });
      await closing;
      expect(fixture.standIn.log.stream(streamId)).toHaveLength(1);
      await expect(appendNew(store)).rejects.toBeInstanceOf(StoreClosedError);
      await expect(store.readStream(streamId)).rejects.toBeInstanceOf(StoreClosedError);
    });
  });
});
