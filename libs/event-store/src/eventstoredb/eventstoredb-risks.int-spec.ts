import { AppendTooLargeError, InvalidPositionError, StoreUnavailableError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { testEvent, testEvents, uniqueStreamId } from '../testing';
import { ConnectionCounter } from './testing/connection-counter';
import { standInFixture, type StandInFixture } from './testing/stand-in-fixture';

/** The risks of issue 16 besides the four defects, against the real client over gRPC to the stand-in. */
describe('EventStoreDbEventStore over the gRPC stand-in: deadlines, leader, limits, shutdown, identity', () => {
  let fixture: StandInFixture;
  afterEach(() => fixture.dispose());

  describe('a node that never answers', () => {
    beforeEach(async () => {
      fixture = await standInFixture();
    });

    it('fails an append with StoreUnavailableError once defaultDeadline has passed', async () => {
      const store = fixture.connect('defaultDeadline=200');
      fixture.standIn.script.append.push({ hang: true });
      await expect(store.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    it('fails a stream read and a $all read the same way (the client sets no deadline on reads)', async () => {
      const store = fixture.connect('defaultDeadline=200');
      fixture.standIn.script.read.push({ hang: true }, { hang: true });
      await expect(store.readStream(uniqueStreamId())).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.readAll({ after: 0, maxCount: 10 })).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    it('ends a subscription the server never confirms with StoreUnavailableError, so the consumer resubscribes', async () => {
      const store = fixture.connect('defaultDeadline=200');
      fixture.standIn.script.subscribe.push({ hang: true });
      const consuming = (async () => {
        for await (const event of store.subscribeToAll({ after: 0 })) void event;
      })();
      await expect(consuming).rejects.toBeInstanceOf(StoreUnavailableError);
    });
  });

  it('asks for the leader for appends and stream reads of the command path only', async () => {
    fixture = await standInFixture();
    const store = fixture.connect();
    const streamId = uniqueStreamId();
    await store.append(streamId, testEvents(1), { expectedRevision: NO_STREAM });
    const since = fixture.standIn.calls.length;

    await store.readStream(streamId);
    await store.readStream(streamId, { consistency: 'any' });
    await store.readAll({ after: 0, maxCount: 10 });
    await store.headPosition();

    const reads = fixture.standIn.calls.slice(since).map(({ requiresLeader, stream }) => ({ requiresLeader, stream }));
    expect(reads).toEqual([
      { requiresLeader: true, stream: streamId },
      { requiresLeader: false, stream: streamId },
      { requiresLeader: false, stream: '$all' },
      { requiresLeader: false, stream: '$all' },
    ]);
    expect(fixture.standIn.calls.filter((call) => call.method === 'batchAppend').every((call) => call.requiresLeader)).toBe(true);
  });

  it.each([
    ['BatchAppend', true],
    ['unary Append', false],
  ])('refuses an append over the server’s 1 MiB MaxAppendSize with AppendTooLargeError (413), over %s', async (_name, batchAppend) => {
    fixture = await standInFixture({ batchAppend });
    const store = fixture.connect();
    const streamId = uniqueStreamId();
    const huge = testEvent({ data: { text: 'x'.repeat(1024 * 1024 + 1) } });

    await expect(store.append(streamId, [huge], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(AppendTooLargeError);
    expect(fixture.standIn.log.stream(streamId)).toEqual([]);
  });

  it('refuses a $all read from a position that is no event of this log with InvalidPositionError (422)', async () => {
    fixture = await standInFixture();
    const store = fixture.connect();
    await store.append(uniqueStreamId(), testEvents(2), { expectedRevision: NO_STREAM });
    const [first] = await store.readAll({ after: 0, maxCount: 1 });

    await expect(store.readAll({ after: (first?.position ?? 0) + 1, maxCount: 10 })).rejects.toBeInstanceOf(InvalidPositionError);
  });

  it('ends an aborted subscription at once even while the client is still discovering the cluster, and close() does not wait for it', async () => {
    fixture = await standInFixture();
    const { address } = fixture.standIn;
    // Discovery would hang for a minute per seed: longer than the test's timeout.
    const store = fixture.connect('', `esdb://${address},${address}?tls=false&maxDiscoverAttempts=1&gossipTimeout=60`);
    fixture.standIn.script.gossip.push({ hang: true }, { hang: true });
    const stop = new AbortController();
    const consuming = (async () => {
      for await (const event of store.subscribeToAll({ after: 0, signal: stop.signal })) void event;
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));

    stop.abort();
    await expect(consuming).resolves.toBeUndefined();
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('closes the gRPC channel on close(), so no connection to the server is left open', async () => {
    fixture = await standInFixture();
    const relay = await ConnectionCounter.relayTo(fixture.standIn.address);
    try {
      const store = fixture.connect('', `esdb://127.0.0.1:${relay.port}?tls=false`);
      await store.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM });
      expect(relay.open).toBeGreaterThan(0);

      await store.close();
      await relay.drained();
      expect(relay.open).toBe(0);
    } finally {
      await relay.close();
    }
  });

  describe('identity', () => {
    it('is one log id per cluster: the same for every store connected to it, written once, and no event of $all', async () => {
      fixture = await standInFixture();
      const [one, two] = [fixture.connect(), fixture.connect()];
      await one.append(uniqueStreamId(), testEvents(1), { expectedRevision: NO_STREAM });

      const [first, second] = await Promise.all([one.identity(), two.identity()]);

      expect(first).toEqual({ store: 'eventstoredb', logId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(second).toEqual(first);
      expect(await fixture.connect().identity()).toEqual(first);
      expect(fixture.standIn.log.stream('ledger-identity')).toHaveLength(1);
      const all = await one.readAll({ after: 0, maxCount: 100 });
      expect(all.map((event) => event.streamId)).not.toContain('ledger-identity');
      expect(await one.headPosition()).toBe(all.at(-1)?.position);
    });

    it('differs between two clusters', async () => {
      fixture = await standInFixture();
      const other = await standInFixture();
      try {
        expect((await fixture.connect().identity()).logId).not.toBe((await other.connect().identity()).logId);
      } finally {
        await other.dispose();
      }
    });
  });
});
