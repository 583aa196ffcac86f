import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../edge/openapi/api-answer.decorator';
import { ApiErrors } from '../edge/openapi/api-errors.decorator';
import { HEALTH } from './health-responses.schema';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../edge/auth/public.decorator';
import { EventStoreHealthIndicator } from './event-store.health';
import { ProjectorLagHealthIndicator } from './projector-lag.health';

// swaggerDocumentation: false: terminus documents a 503 body of its own, but the exception filter answers ErrorBody.
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
  @ApiAnswer('the store answers: 200, else 503 (the Docker HEALTHCHECK)', HEALTH)
  @ApiErrors([503, 'the event store does not answer; details has terminus’s per-check status'])
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  check() {
    return this.health.check([() => this.eventStore.check()]);
  }

  /** Liveness: the process answers HTTP. Checks nothing else, so an outage of the store does not get it restarted. */
  @Get('live')
  @ApiAnswer('liveness: the process answers HTTP', HEALTH)
  @ApiErrors([503, 'not live (terminus’s details)'])
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  live() {
    return this.health.check([]);
  }

  /** Readiness: the store answers and the projector is within READY_MAX_LAG of the head (a load balancer's check). */
  @Get('ready')
  @ApiAnswer('readiness: the store answers and the projector is within READY_MAX_LAG of the head', HEALTH)
  @ApiErrors([503, 'the store does not answer or the projector lags; details has terminus’s per-check status'])
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  ready() {
    return this.health.check([() => this.eventStore.check(), () => this.projectorLag.check()]);
  }
}
