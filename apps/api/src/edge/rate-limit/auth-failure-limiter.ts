import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '@hazard/platform';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { tooManyRequests } from './too-many-requests';

/**
 * Counts requests refused for a missing or bad token, per client address: a bad token has no subject to
 * count against, and a flood of them would otherwise cost a signature check and a log line each, unbounded.
 * Past THROTTLE_AUTH_FAILURES in a window, the refusals become 429 with Retry-After until the window passes.
 */
@Injectable()
export class AuthFailureLimiter {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws the 429 when this failure is one too many; returns when the caller should answer 401. */
  async record(address: string, reply: { header(name: string, value: string): unknown }): Promise<void> {
    const { authFailures, windowSeconds } = this.config.security.throttle;
    const ttl = windowSeconds * 1000;
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(`auth-failures:${address}`, ttl, authFailures, ttl, 'auth-failures');
    if (isBlocked) throw tooManyRequests(reply, timeToBlockExpire, `requests without a valid token (${authFailures} per ${windowSeconds} s)`);
  }
}
