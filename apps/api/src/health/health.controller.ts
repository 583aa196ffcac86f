import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../edge/auth/public.decorator';
import { EventStoreHealthIndicator } from './event-store.health';
import { ProjectorLagHealthIndicator } from './projector-lag.health';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly projectorLag: ProjectorLagHealthIndicator,
  ) {}

  /** The Docker HEALTHCHECK's: 200 when the store answers, 503 otherwise. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.eventStore.check()]);
  }

  /** Liveness: the process answers HTTP. Checks nothing else, so an outage of the store does not get it restarted. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the store answers and the projector is within READY_MAX_LAG of the head (a load balancer's check). */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.eventStore.check(), () => this.projectorLag.check()]);
  }
}
