import { HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@hazard/event-store';
import type { AppConfig } from '@hazard/platform';
import type { Projector } from '../dashboard/read-models/projector.service';
import { ProjectorLagHealthIndicator } from './projector-lag.health';

function indicator(head: () => Promise<number>, checkpoint: number, readyMaxLag: number) {
  const store = { headPosition: head } as unknown as EventStore;
  const config = { operations: { readyMaxLag } } as unknown as AppConfig;
  const projector = { checkpoint: () => checkpoint } as unknown as Projector;
  return new ProjectorLagHealthIndicator(store, config, projector, new HealthIndicatorService());
}

describe('readiness: the projector within READY_MAX_LAG of the head', () => {
  it('is up within the allowed lag, with the figures', async () => {
    await expect(indicator(async () => 120, 100, 20).check()).resolves.toEqual({
      projector: { status: 'up', position: 100, headPosition: 120, lag: 20, maxLag: 20 },
    });
  });

  it('is down past it', async () => {
    await expect(indicator(async () => 121, 100, 20).check()).resolves.toMatchObject({ projector: { status: 'down', lag: 21 } });
  });

  it('is down when the head of the log cannot be read', async () => {
    const unreachable = () => Promise.reject(new Error('connection refused'));
    await expect(indicator(unreachable, 100, 20).check()).resolves.toMatchObject({
      projector: { status: 'down', message: expect.stringContaining('connection refused') },
    });
  });
});
