import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { FastifyReply } from 'fastify';
import { tooManyRequests } from './too-many-requests';

/**
 * @nestjs/throttler with the budgets of throttlerOptions; registered after JwtAuthGuard, so it counts a
 * verified user by token subject and anyone else by address. Over budget: 429 with Retry-After and
 * RATE_LIMIT.EXCEEDED.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw tooManyRequests(context.switchToHttp().getResponse<FastifyReply>(), detail.timeToBlockExpire, `requests (${detail.limit} per ${detail.ttl / 1000} s)`);
  }
}
