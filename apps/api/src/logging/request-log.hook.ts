import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AuthenticatedRequest } from '../edge/auth/jwt-auth.guard';
import { routeOf } from '../metrics/http-metrics.hook';
import { ROOT_LOGGER } from './root-logger';

/** The fields of a request's one log line: who, what route, how it ended — no URL, header or body. */
export function requestLineOf(request: FastifyRequest, reply: FastifyReply) {
  const claims = (request as FastifyRequest & AuthenticatedRequest).claims;
  const correlation = request.headers['x-correlation-id'];
  const correlationId = (Array.isArray(correlation) ? correlation[0] : correlation)?.trim().slice(0, 128);
  return {
    requestId: request.id,
    ...(correlationId ? { correlationId } : {}),
    ...(claims ? { actorId: claims.sub } : {}),
    method: request.method,
    route: routeOf(request),
    status: reply.statusCode,
    ms: Math.round(reply.elapsedTime * 10) / 10,
  };
}

/** One JSON line per answered request (Fastify's onResponse): info, warn for a 5xx (the filter has logged why). */
@Injectable()
export class RequestLogHook implements OnModuleInit {
  constructor(
    private readonly adapter: HttpAdapterHost,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter?.getInstance<FastifyInstance>();
    fastify?.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
      const line = requestLineOf(request, reply);
      if (line.status >= 500) this.logger.warn(line, 'request');
      else this.logger.info(line, 'request');
    });
  }
}
