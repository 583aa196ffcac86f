import { Controller, Get, Header, Headers, Inject, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Registry } from 'prom-client';
import { AppConfig } from '@hazard/platform';
import { Public } from '../edge/auth/public.decorator';
import { APP_CONFIG } from '../infrastructure/config.module';
import { Metrics } from './metrics';

/**
 * GET /metrics in Prometheus' text format, outside /api/v1 as API.md lists it. Public, as /health is, unless
 * METRICS_TOKEN is set: then only `Authorization: Bearer <METRICS_TOKEN>` is answered (not a user's JWT, so a
 * scraper holds no ledger rights). The figures carry no personal data either way: labels are command and event
 * types, route patterns, statuses and consumer names.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const token = this.config.operations.metricsToken;
    if (token !== undefined && !bearerMatches(authorization, token)) {
      throw new UnauthorizedException('missing or wrong metrics token (Authorization: Bearer <METRICS_TOKEN>)');
    }
    // Set here, not by @Header: a refusal is the filter's JSON.
    void reply.header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE);
    return this.metrics.registry.metrics();
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
