import { Provider } from '@nestjs/common';
import type { Aggregate, DomainMessage, StampedCommand } from '@hazard/domain';
import { AggregateCommandRunner, EventStore } from '@hazard/event-store';
import { Clock } from '@hazard/platform';
import { CLOCK } from '../../infrastructure/clock.token';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { Metrics } from '../../metrics/metrics';

/**
 * The generic command path (libs/event-store) for one aggregate, under the aggregate's own token. The
 * aggregate itself is a provider (`aggregateToken`), built from the configuration and reference data, so the
 * rules a city sets reach its decider as data.
 */
export function aggregateRunnerProvider(token: symbol, aggregateToken: symbol, options: { maxAttempts?: number } = {}): Provider {
  return {
    provide: token,
    inject: [EVENT_STORE, CLOCK, aggregateToken, { token: Metrics, optional: true }],
    useFactory: <C extends StampedCommand, E extends DomainMessage, S>(store: EventStore, clock: Clock, aggregate: Aggregate<C, E, S>, metrics?: Metrics) =>
      new AggregateCommandRunner(store, aggregate, () => clock.now(), { ...options, observer: metrics?.observeCommand }),
  };
}
