import { Provider } from '@nestjs/common';
import type { Aggregate, DomainMessage, StampedCommand } from '@hazard/domain';
import { AggregateCommandRunner, EventStore } from '@hazard/event-store';
import { AppConfig, Clock } from '@hazard/platform';
import { CLOCK } from '../../infrastructure/clock.token';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';

/**
 * The generic command path (libs/event-store) for one aggregate, under the aggregate's own token. The
 * aggregate is built from the configuration, so rules a city sets reach its decider as data.
 */
export function aggregateRunnerProvider<C extends StampedCommand, E extends DomainMessage, S>(
  token: symbol,
  aggregateFor: (config: AppConfig) => Aggregate<C, E, S>,
): Provider {
  return {
    provide: token,
    inject: [EVENT_STORE, CLOCK, APP_CONFIG],
    useFactory: (store: EventStore, clock: Clock, config: AppConfig) => new AggregateCommandRunner(store, aggregateFor(config), () => clock.now()),
  };
}
