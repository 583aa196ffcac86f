import { EventStoreDbEventStore } from '../eventstoredb-event-store';
import { EsdbStandIn, type StandInOptions } from './esdb-stand-in';

/** A stand-in server and stores connected to it; `dispose` closes them all, then stops the server. */
export interface StandInFixture {
  readonly standIn: EsdbStandIn;
  /** A store on the real client; `query` is added to the connection string (e.g. `defaultDeadline=300`). */
  connect(query?: string, connectionString?: string): EventStoreDbEventStore;
  dispose(): Promise<void>;
}

export async function standInFixture(options: StandInOptions = {}): Promise<StandInFixture> {
  const standIn = await EsdbStandIn.start(options);
  const stores: EventStoreDbEventStore[] = [];
  return {
    standIn,
    connect(query = '', connectionString = standIn.connectionString(query)) {
      const store = EventStoreDbEventStore.connect(connectionString);
      stores.push(store);
      return store;
    },
    async dispose() {
      await Promise.allSettled(stores.map((store) => store.close()));
      await standIn.stop();
    },
  };
}
