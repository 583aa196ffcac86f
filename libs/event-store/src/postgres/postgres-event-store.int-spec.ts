import { NO_STREAM } from '../event-store.port';
import { DuplicateEventIdError } from '../sqlite/duplicate-event-id.error';
import { commandEvents, eventStoreContract, testEvent, testEvents, uniqueStreamId } from '../testing';
import { PostgresEventStore } from './postgres-event-store';
import { createTestSchema, describeWithPostgres, type TestSchema } from './testing/postgres-test-env';

describeWithPostgres('PostgreSQL event store', (baseUrl) => {
  eventStoreContract('PostgresEventStore', async () => {
    const schema = await createTestSchema(baseUrl);
    const store = PostgresEventStore.open({ connectionString: schema.url, pollIntervalMs: 20, poolSize: 4 });
    return {
      store,
      dispose: async () => {
        await store.close();
        await schema.drop();
      },
    };
  });

  describe('PostgresEventStore', () => {
    let schema: TestSchema;
    let store: PostgresEventStore;
    beforeEach(async () => {
      schema = await createTestSchema(baseUrl);
      store = PostgresEventStore.open({ connectionString: schema.url });
    });
    afterEach(async () => {
      await store.close();
      await schema.drop();
    });

    it('refuses an event id reused by a different append, stored before or earlier in the same batch, and stores nothing of it', async () => {
      const [first, second, third] = [uniqueStreamId(), uniqueStreamId(), uniqueStreamId()];
      const events = commandEvents('command-reused', 2);
      await store.append(first, events, { expectedRevision: NO_STREAM });

      const [elsewhere, sameBatchOriginal, sameBatchReuse] = await Promise.allSettled([
        store.append(second, events, { expectedRevision: NO_STREAM }),
        store.append(third, commandEvents('command-new', 1), { expectedRevision: NO_STREAM }),
        store.append(uniqueStreamId(), commandEvents('command-new', 1), { expectedRevision: NO_STREAM }),
      ]);

      expect(elsewhere).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
      expect(sameBatchOriginal.status).toBe('fulfilled');
      expect(sameBatchReuse).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIdError) });
      expect((await store.readAll({ after: 0, maxCount: 10 })).map((event) => event.streamId)).toEqual([first, first, third]);
    });

    it('fails a malformed append alone, not the batch it would have shared, and keeps a NUL inside the data', async () => {
      const good = uniqueStreamId();
      const withNul = testEvent({ data: { note: 'before\u0000after' } });

      const [bad, accepted, nulData] = await Promise.allSettled([
        store.append('stream\u0000id', testEvents(1), { expectedRevision: NO_STREAM }),
        store.append(good, testEvents(2), { expectedRevision: NO_STREAM }),
        store.append(uniqueStreamId(), [withNul], { expectedRevision: NO_STREAM }),
      ]);

      expect(bad).toMatchObject({ status: 'rejected', reason: expect.any(TypeError) });
      expect(accepted).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
      expect(nulData.status).toBe('fulfilled');
      const all = await store.readAll({ after: 0, maxCount: 10 });
      expect(all.map((event) => event.data)).toEqual([{ index: 0 }, { index: 1 }, { note: 'before\u0000after' }]);
    });
  });
});
