import { eventStoreContract } from '../testing';
import { standInFixture } from './testing/stand-in-fixture';

/**
 * The shared contract suite, unchanged, against the real `@eventstore/db-client` talking gRPC to the
 * in-process stand-in (testing/esdb-stand-in.ts) — once over BatchAppend, as 24.10 is used, and once over
 * the unary Append a server without BatchAppend gets. A real server is checked by
 * eventstoredb-event-store.int-spec.ts when ESDB_CONNECTION_STRING is set.
 */
for (const batchAppend of [true, false]) {
  eventStoreContract(`EventStoreDbEventStore over the gRPC stand-in (${batchAppend ? 'BatchAppend' : 'unary Append'})`, async () => {
    const fixture = await standInFixture({ batchAppend });
    return { store: fixture.connect(), dispose: () => fixture.dispose() };
  });
}
