import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig, Claims, parseClaims, resolveJwtSecret, TOKEN_CLOCK_SKEW_SECONDS, tokenLifetimeProblem, tokenVerificationKey, verifyToken } from '@hazard/platform';
import { FastifyReply } from 'fastify';
import type { KeyObject } from 'node:crypto';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { AuthFailureLimiter } from '../rate-limit/auth-failure-limiter';
import { IS_PUBLIC } from './public.decorator';
import { QUERY_TOKEN } from './query-token.decorator';

export interface AuthenticatedRequest {
  claims?: Claims;
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  /** The client address (Fastify's request.ip), by which refusals are counted. */
  ip?: string;
}

/**
 * Every route needs a valid HS256 bearer token unless marked @Public(); 401 says what was wrong. Routes marked
 * @AcceptQueryToken() may carry it as `?access_token=` instead, checked the same way. A token must carry an
 * exp at most MAX_TOKEN_TTL away, an iat not in the future, and JWT_ISSUER / JWT_AUDIENCE when configured;
 * token times are checked on the real clock, never a test's fake CLOCK. Refusals are counted per address
 * (AuthFailureLimiter): too many in a window answer 429 instead of 401. The key is made once, here, from the
 * secret JwtModule is registered with (resolveJwtSecret); tokenVerificationKey says why once matters.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly key: KeyObject;

  constructor(
    private readonly reflector: Reflector,
    private readonly authFailures: AuthFailureLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = tokenVerificationKey(resolveJwtSecret(config.dataDir, config.jwtSecret));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    try {
      request.claims = await this.authenticate(context, request);
      return true;
    } catch (error) {
      if (error instanceof UnauthorizedException) await this.authFailures.record(request.ip ?? 'unknown', context.switchToHttp().getResponse<FastifyReply>());
      throw error;
    }
  }

  private async authenticate(context: ExecutionContext, request: AuthenticatedRequest): Promise<Claims> {
    const inQuery = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, [context.getHandler(), context.getClass()]);
    const token = bearerToken(request) ?? (inQuery ? queryToken(request) : undefined);
    if (!token) {
      throw new UnauthorizedException(`missing bearer token (Authorization: Bearer <JWT>${inQuery ? ' or ?access_token=<JWT>' : ''})`);
    }
    let payload: Record<string, unknown>;
    try {
      const { jwtIssuer, jwtAudience } = this.config.security;
      payload = verifyToken(token, this.key, { issuer: jwtIssuer, audience: jwtAudience, clockToleranceSeconds: TOKEN_CLOCK_SKEW_SECONDS });
    } catch (error) {
      throw new UnauthorizedException(`invalid token: ${(error as Error).message}`);
    }
    const lifetime = tokenLifetimeProblem(payload, Math.floor(Date.now() / 1000), { maxTtlSeconds: this.config.security.maxTokenTtlSeconds, skewSeconds: TOKEN_CLOCK_SKEW_SECONDS });
    if (lifetime !== undefined) throw new UnauthorizedException(`invalid token: ${lifetime}`);
    const claims = parseClaims(payload);
    if (typeof claims === 'string') throw new UnauthorizedException(`invalid token: ${claims}`);
    return claims;
  }
}

function bearerToken(request: AuthenticatedRequest): string | undefined {
  const header = request.headers.authorization;
  return (typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null)?.[1];
}

function queryToken(request: AuthenticatedRequest): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.access_token;
  return typeof value === 'string' && value ? value : undefined;
}
