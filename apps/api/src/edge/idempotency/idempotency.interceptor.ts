import { CallHandler, ExecutionContext, HttpException, Inject, Injectable, NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Observable, of, throwError } from 'rxjs';
import { catchError, mergeMap } from 'rxjs/operators';
import { AuthenticatedRequest } from '../auth/jwt-auth.guard';
import { Clock } from '@hazard/platform';
import { CLOCK } from '../../infrastructure/clock.token';
import { IDEMPOTENCY_STORE, IdempotencyStore } from './idempotency.store';
import { errorResponseOf } from '../errors/error-response';

/**
 * Idempotency-Key (API.md): the same key and body replays the first response and appends nothing; the same
 * key with another body is 422. Answers below 500 are remembered (a refused command is refused again the
 * same way); 5xx are not, so a retry after an outage can still succeed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & AuthenticatedRequest>();
    const reply = http.getResponse<FastifyReply>();
    const key = headerValue(request.headers['idempotency-key']);
    if (!key || !request.claims) return next.handle();
    if (key.length > 200) return throwError(() => new UnprocessableEntityException('Idempotency-Key must be at most 200 characters'));

    const scope = request.claims.sub;
    const fingerprint = IdempotencyStore.fingerprint(request.method, request.url.split('?')[0] ?? '', request.body);
    const found = this.store.lookup(scope, key, fingerprint);
    if (found.kind === 'conflict') {
      return throwError(() => new UnprocessableEntityException('Idempotency-Key was already used with a different request body'));
    }
    if (found.kind === 'replay') {
      reply.status(found.response.statusCode);
      reply.header('Idempotent-Replayed', 'true');
      if (found.response.statusCode >= 400) {
        return throwError(() => new HttpException(found.response.body as Record<string, unknown>, found.response.statusCode));
      }
      return of(found.response.body);
    }
    const remember = (statusCode: number, body: unknown) => this.store.remember(scope, key, fingerprint, { statusCode, body }, this.clock.now());
    return next.handle().pipe(
      mergeMap((body) => {
        remember(reply.statusCode, body);
        return of(body);
      }),
      catchError((error: unknown) => {
        const response = errorResponseOf(error);
        if (response.statusCode < 500) remember(response.statusCode, response);
        return throwError(() => error);
      }),
    );
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}
