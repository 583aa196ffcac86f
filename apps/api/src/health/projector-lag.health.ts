import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '@hazard/event-store';
import { AppConfig } from '@hazard/platform';
import { Projector } from '../dashboard/read-models/projector.service';
import { APP_CONFIG } from '../infrastructure/config.module';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/**
 * Ready to serve reads when the projector trails the head of the log by at most READY_MAX_LAG positions: a
 * replica still catching up after a start or a rebuild answers lists and dashboards from old read models.
 */
@Injectable()
export class ProjectorLagHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projector: Projector,
    private readonly health: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.health.check('projector');
    const maxLag = this.config.operations.readyMaxLag;
    let headPosition: number;
    try {
      headPosition = await this.store.headPosition();
    } catch (error) {
      return session.down({ message: `the head of the log is unknown: ${(error as Error).message}` });
    }
    const position = this.projector.checkpoint();
    const lag = Math.max(0, headPosition - position);
    const details = { position, headPosition, lag, maxLag };
    return lag <= maxLag ? session.up(details) : session.down(details);
  }
}
