import { Global, Module } from '@nestjs/common';
import { EventStoreCloser, EVENT_STORE, eventStoreProvider } from './event-store.provider';

/** The event store, shared by every module; the clock and the configuration are provided by AppModule. */
@Global()
@Module({
  providers: [eventStoreProvider, EventStoreCloser],
  exports: [EVENT_STORE],
})
export class InfrastructureModule {}
