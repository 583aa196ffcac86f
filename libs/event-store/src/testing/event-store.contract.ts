import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { NO_STREAM, type EventStore, type EventToAppend, type RecordedEvent } from '../event-store.port';
import { commandEvents, testEvent, testEvents, testMetadata, uniqueStreamId } from './event-builders';

export interface EventStoreFixture {
  readonly store: EventStore;
  readonly dispose: () => Promise<void>;
}

/**
 * The behaviour every `EventStore` adapter must show, written once and run unchanged against each. It
 * assumes nothing about what else the store holds (a shared server may have other streams): reads of the
 * global log start at the head seen before the test and keep only the test's own streams.
 */
export function eventStoreContract(name: string, factory: () => Promise<EventStoreFixture>): void {
  describe(`${name} satisfies the event-store contract`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });
    afterEach(() => fixture.dispose());

    const appendNew = (streamId: string, events: readonly EventToAppend[]) =>
      store.append(streamId, events, { expectedRevision: NO_STREAM });

    async function readAllOf(streamIds: readonly string[], after: number): Promise<RecordedEvent[]> {
      const page = await store.readAll({ after, maxCount: 10_000 });
      return page.filter((event) => streamIds.includes(event.streamId));
    }

    describe('append', () => {
      it('creates a stream when it expects no stream', async () => {
        const streamId = uniqueStreamId();
        const events = testEvents(3);

        const result = await appendNew(streamId, events);

        const stored = await store.readStream(streamId);
        expect(stored).toEqual(events.map((event, revision) => expect.objectContaining({ ...event, streamId, revision })));
        expect(result).toEqual({ nextExpectedRevision: 2, position: stored[2]?.position });
      });

      it('continues a stream from the revision it expects', async () => {
        const streamId = uniqueStreamId();
        await appendNew(streamId, testEvents(2));

        const result = await store.append(streamId, testEvents(1), { expectedRevision: 1 });

        expect(result.nextExpectedRevision).toBe(2);
        expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it("appends with 'any' whether or not the stream exists", async () => {
        const streamId = uniqueStreamId();
        await store.append(streamId, testEvents(1), { expectedRevision: 'any' });
        const result = await store.append(streamId, testEvents(1), { expectedRevision: 'any' });
        expect(result.nextExpectedRevision).toBe(1);
      });

      it('refuses an append that expects a revision of an absent stream, and stores nothing', async () => {
        const streamId = uniqueStreamId();

        const refused = store.append(streamId, testEvents(1), { expectedRevision: 0 });

        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({ streamId, expected: 0, actual: NO_STREAM });
        await expect(store.readStream(streamId)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it.each([NO_STREAM, 0, 5])('refuses an append expecting %p to a stream at revision 1', async (expected) => {
        const streamId = uniqueStreamId();
        const existing = await appendNew(streamId, testEvents(2));

        const refused = store.append(streamId, testEvents(2), { expectedRevision: expected });

        await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(refused).rejects.toMatchObject({ streamId, expected, actual: 1 });
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await store.headPosition()).toBe(existing.position);
      });

      it('stores none of the events of a refused batch, so the same events can be appended later', async () => {
        const streamId = uniqueStreamId();
        await appendNew(streamId, testEvents(1));
        const batch = testEvents(3);

        await expect(store.append(streamId, batch, { expectedRevision: 7 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(streamId)).toHaveLength(1);

        const accepted = await store.append(streamId, batch, { expectedRevision: 0 });
        expect(accepted.nextExpectedRevision).toBe(3);
      });

      it('stamps each event with an ISO recordedAt', async () => {
        const streamId = uniqueStreamId();
        await appendNew(streamId, testEvents(1));
        const [event] = await store.readStream(streamId);
        expect(new Date(event?.recordedAt ?? '').toISOString()).toBe(event?.recordedAt);
      });
    });

    describe('retried append (same event ids)', () => {
      it('resolves with the original result and stores nothing, although its expected revision is now stale', async () => {
        const streamId = uniqueStreamId();
        const events = commandEvents('command-1', 2);
        const original = await appendNew(streamId, events);

        await expect(appendNew(streamId, events)).resolves.toEqual(original);
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await store.headPosition()).toBe(original.position);
      });

      it('is recognised after later commands have moved the stream on', async () => {
        const streamId = uniqueStreamId();
        const original = await appendNew(streamId, commandEvents('command-1', 2));
        await store.append(streamId, commandEvents('command-2', 1), { expectedRevision: 1 });

        await expect(appendNew(streamId, commandEvents('command-1', 2))).resolves.toEqual(original);
        expect(await store.readStream(streamId)).toHaveLength(3);
      });
    });

    describe('readStream', () => {
      it('returns events in revision order, from a revision and up to a count', async () => {
        const streamId = uniqueStreamId();
        await appendNew(streamId, testEvents(5));
        const revisions = async (options: { fromRevision?: number; maxCount?: number }) =>
          (await store.readStream(streamId, options)).map((event) => event.revision);

        expect(await revisions({})).toEqual([0, 1, 2, 3, 4]);
        expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
        expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
        expect(await revisions({ fromRevision: 1, maxCount: 3 })).toEqual([1, 2, 3]);
        expect(await revisions({ fromRevision: 9 })).toEqual([]);
      });

      it('rejects with StreamNotFoundError for a stream that does not exist', async () => {
        await expect(store.readStream(uniqueStreamId())).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('readAll', () => {
      it('returns events of all streams in the order they were appended, positions strictly increasing', async () => {
        const [a, b] = [uniqueStreamId('a'), uniqueStreamId('b')];
        const head = await store.headPosition();
        const appended = [testEvents(2), testEvents(1), testEvents(2)];
        const results = [
          await appendNew(a, appended[0] ?? []),
          await appendNew(b, appended[1] ?? []),
          await store.append(a, appended[2] ?? [], { expectedRevision: 1 }),
        ];

        const all = await readAllOf([a, b], head);

        expect(all.map((event) => event.id)).toEqual(appended.flat().map((event) => event.id));
        expectStrictlyIncreasing(all.map((event) => event.position));
        expect(all.every((event) => event.position > head)).toBe(true);
        expect(results.map((result) => result.position)).toEqual([all[1], all[2], all[4]].map((event) => event?.position));
      });

      it('pages by the position of the last event read, without gaps or repeats', async () => {
        const streams = [uniqueStreamId('a'), uniqueStreamId('b')];
        const head = await store.headPosition();
        for (const streamId of streams) await appendNew(streamId, testEvents(3));

        const paged: RecordedEvent[] = [];
        let after = head;
        const nextPage = () => store.readAll({ after, maxCount: 2 });
        for (let page = await nextPage(); page.length > 0; page = await nextPage()) {
          expect(page.length).toBeLessThanOrEqual(2);
          paged.push(...page);
          after = page.at(-1)?.position ?? after;
        }

        const ours = paged.filter((event) => streams.includes(event.streamId));
        expect(ours).toEqual(await readAllOf(streams, head));
        expect(ours).toHaveLength(6);
      });
    });

    describe('headPosition', () => {
      it('is the position of the last appended event', async () => {
        const first = await appendNew(uniqueStreamId(), testEvents(2));
        expect(await store.headPosition()).toBe(first.position);
        const second = await appendNew(uniqueStreamId(), testEvents(1));
        expect(second.position).toBeGreaterThan(first.position);
        expect(await store.headPosition()).toBe(second.position);
      });
    });

    describe('concurrent appends', () => {
      it('accepts 50 appends to 10 streams issued concurrently with correct revisions', async () => {
        const streams = Array.from({ length: 10 }, () => uniqueStreamId('concurrent'));
        const head = await store.headPosition();

        await Promise.all(
          streams.map(async (streamId) => {
            for (let expectedRevision = NO_STREAM; expectedRevision < 4; expectedRevision++) {
              await store.append(streamId, testEvents(1), { expectedRevision });
            }
          }),
        );

        for (const streamId of streams) {
          expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        }
        const all = await readAllOf(streams, head);
        expect(all).toHaveLength(50);
        expectStrictlyIncreasing(all.map((event) => event.position));
      });

      it('lets exactly one of several conflicting appends to the same stream win', async () => {
        const streamId = uniqueStreamId('contended');
        const attempts = Array.from({ length: 10 }, () => testEvents(2));

        const outcomes = await Promise.allSettled(attempts.map((events) => appendNew(streamId, events)));

        const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [attempts[index]] : []));
        const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(9);
        losers.forEach((reason) => expect(reason).toBeInstanceOf(WrongExpectedRevisionError));
        expect((await store.readStream(streamId)).map((event) => event.id)).toEqual(winners[0]?.map((event) => event.id));
      });
    });

    describe('subscribeToAll', () => {
      it('delivers stored events, then live ones, in order and once each, and ends when aborted', async () => {
        const [a, b] = [uniqueStreamId('a'), uniqueStreamId('b')];
        const head = await store.headPosition();
        await appendNew(a, testEvents(2));
        await appendNew(b, testEvents(1));
        const controller = new AbortController();
        const received: RecordedEvent[] = [];

        const subscription = (async () => {
          for await (const event of store.subscribeToAll({ after: head, signal: controller.signal })) {
            if ([a, b].includes(event.streamId)) received.push(event);
            if (received.length === 5) controller.abort();
          }
        })();
        await eventually(() => received.length === 3);
        await store.append(a, testEvents(1), { expectedRevision: 1 });
        await store.append(b, testEvents(1), { expectedRevision: 0 });
        await subscription;

        expect(received).toEqual(await readAllOf([a, b], head));
        expect(new Set(received.map((event) => event.id)).size).toBe(5);
      });

      it('starts strictly after the given position', async () => {
        const streamId = uniqueStreamId();
        await appendNew(streamId, testEvents(3));
        const [, second, third] = await store.readStream(streamId);
        const controller = new AbortController();

        const received: RecordedEvent[] = [];
        for await (const event of store.subscribeToAll({ after: second?.position ?? 0, signal: controller.signal })) {
          received.push(event);
          controller.abort();
        }

        expect(received).toEqual([third]);
      });

      it('ends when aborted while waiting for new events', async () => {
        const controller = new AbortController();
        const received: RecordedEvent[] = [];
        const subscription = (async () => {
          for await (const event of store.subscribeToAll({ after: await store.headPosition(), signal: controller.signal })) {
            received.push(event);
          }
        })();

        setTimeout(() => controller.abort(), 50);

        await expect(subscription).resolves.toBeUndefined();
        expect(received).toEqual([]);
      });
    });

    describe('payload', () => {
      it('returns data and metadata exactly as appended', async () => {
        const streamId = uniqueStreamId();
        const event = testEvent({
          type: 'RectificationAssigned',
          data: {
            title: '消防通道堵塞 — fire exit blocked',
            deadline: '2025-03-15T23:59:59.999Z',
            severity: 3,
            ratio: 0.1,
            photos: ['a.jpg', 'b.jpg'],
            nested: { empty: {}, list: [], nothing: null, yes: true },
          },
          metadata: testMetadata({
            actor: { userId: 'u-7', departmentId: 'd-2', roles: ['inspector', 'supervisor'], unitId: 'unit-9' },
            schemaVersion: 2,
            prevHash: 'a'.repeat(64),
            hash: 'b'.repeat(64),
            requestIp: '10.0.0.1',
          }),
        });

        await appendNew(streamId, [event]);
        const [stored] = await store.readStream(streamId);

        expect(stored?.data).toEqual(event.data);
        expect(stored?.metadata).toEqual(event.metadata);
        expect(stored?.type).toBe(event.type);
      });
    });
  });
}

function expectStrictlyIncreasing(values: readonly number[]): void {
  values.slice(1).forEach((value, index) => expect(value).toBeGreaterThan(values[index] ?? -Infinity));
}

async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
