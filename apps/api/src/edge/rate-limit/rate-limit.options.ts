import { ExecutionContext } from '@nestjs/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottleConfig } from '@hazard/platform';
import { AuthenticatedRequest } from '../auth/jwt-auth.guard';

/** The request as the throttler sees it: the claims JwtAuthGuard put there (it runs first), the method, the address. */
export interface ThrottledRequest extends AuthenticatedRequest {
  readonly method: string;
  readonly ip: string;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const requestOf = (context: ExecutionContext) => context.switchToHttp().getRequest<ThrottledRequest>();
const byUser = (context: ExecutionContext) => requestOf(context).claims !== undefined;
const isWrite = (context: ExecutionContext) => !READ_METHODS.has(requestOf(context).method);

/**
 * Four budgets in one window: a verified token's subject gets `reads` and `writes`, a public route's caller
 * (by address) `publicReads` and `publicWrites`. Each request counts against exactly one of them.
 */
export function throttlerOptions(config: ThrottleConfig): ThrottlerModuleOptions {
  const ttl = config.windowSeconds * 1000;
  return {
    throttlers: [
      { name: 'reads', ttl, limit: config.reads, skipIf: (c) => !byUser(c) || isWrite(c) },
      { name: 'writes', ttl, limit: config.writes, skipIf: (c) => !byUser(c) || !isWrite(c) },
      { name: 'public-reads', ttl, limit: config.publicReads, skipIf: (c) => byUser(c) || isWrite(c) },
      { name: 'public-writes', ttl, limit: config.publicWrites, skipIf: (c) => byUser(c) || !isWrite(c) },
    ],
    // Only Retry-After, on a 429 (RateLimitGuard): four sets of X-RateLimit-* headers would say little.
    setHeaders: false,
    getTracker: (req: Record<string, unknown>) => trackerOf(req as unknown as ThrottledRequest),
    // One budget per user or address across all routes, not one per route.
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
  };
}

/** Who a request is counted against: the token's subject, or the client address on public routes. */
export function trackerOf(request: ThrottledRequest): string {
  return request.claims ? `user:${request.claims.sub}` : `address:${request.ip}`;
}
