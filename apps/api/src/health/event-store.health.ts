import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '@hazard/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** Ready only when the event store answers; reports the head of the global log. */
@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.health.check('eventStore');
    try {
      return session.up({ headPosition: await this.store.headPosition() });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
