import { Provider } from '@nestjs/common';
import type { Aggregate, DomainMessage, StampedCommand } from '@hazard/domain';
import { AggregateCommandRunner, EventStore } from '@hazard/event-store';
import { Clock } from '@hazard/platform';
import { CLOCK } from '../../infrastructure/clock.token';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';

/** The generic command path (libs/event-store) for one aggregate, under the aggregate's own token. */
export function aggregateRunnerProvider<C extends StampedCommand, E extends DomainMessage, S>(token: symbol, aggregate: Aggregate<C, E, S>): Provider {
  return {
    provide: token,
    inject: [EVENT_STORE, CLOCK],
    useFactory: (store: EventStore, clock: Clock) => new AggregateCommandRunner(store, aggregate, () => clock.now()),
  };
}
