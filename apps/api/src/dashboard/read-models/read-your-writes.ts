import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '@hazard/platform';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { ProjectionEvents } from './projection-events';

/** How long a read-model query waits for `minPosition` before answering 503. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 3000;
const POLL_MS = 10;

/**
 * `minPosition=<n>` on read-model queries (API.md): a client that has just written (the command answered
 * with `position`) waits here until the projector has passed n, so it reads its own write. Bounded: after
 * the timeout the answer is 503 with Retry-After and the projector's position, never a stale page.
 * Waits on real time — the app's CLOCK may be a test's fake, which does not move by itself. At most
 * THROTTLE_MIN_POSITION_WAITS waits are held at once: a flood of unreachable minPositions would otherwise
 * hold a request (and its socket) for the whole timeout each; past the bound the answer is 503 at once.
 */
@Injectable()
export class ReadYourWrites {
  private waiting = 0;

  constructor(
    private readonly events: ProjectionEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async atLeast(minPosition: number | undefined, timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): Promise<void> {
    if (minPosition === undefined || this.events.position >= minPosition) return;
    const bound = this.config.security.throttle.minPositionWaits;
    if (this.waiting >= bound) {
      throw new ServiceUnavailableException({
        message: `${bound} requests are already waiting for the read models to catch up; retry later`,
        code: 'READ_MODEL.TOO_MANY_WAITS',
        details: { position: this.events.position, minPosition },
      });
    }
    this.waiting += 1;
    try {
      await this.waitFor(minPosition, timeoutMs);
    } finally {
      this.waiting -= 1;
    }
  }

  private async waitFor(minPosition: number, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, until - Date.now()))));
      if (this.events.position >= minPosition) return;
    }
    const position = this.events.position;
    throw new ServiceUnavailableException({
      message: `the read models have not reached position ${minPosition} within ${timeoutMs} ms (they are at ${position}); retry later`,
      code: 'READ_MODEL.BEHIND',
      details: { position, minPosition },
    });
  }
}
