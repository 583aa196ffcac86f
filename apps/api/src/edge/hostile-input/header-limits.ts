import { BadRequestException } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IncomingHttpHeaders } from 'node:http';

/** A correlation id is copied into the metadata of every event a command appends: short, and printable in logs. */
export const MAX_CORRELATION_ID_LENGTH = 128;
const CORRELATION_ID = /^[A-Za-z0-9._:-]+$/;
/** The idempotency store keys its rows by it. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The reason a request's headers are refused (400), or undefined when they are acceptable. */
export function headerProblem(headers: IncomingHttpHeaders): string | undefined {
  const correlationId = single(headers['x-correlation-id']);
  if (correlationId !== undefined) {
    if (correlationId.length > MAX_CORRELATION_ID_LENGTH) return `X-Correlation-Id must be at most ${MAX_CORRELATION_ID_LENGTH} characters`;
    if (!CORRELATION_ID.test(correlationId)) return 'X-Correlation-Id may hold only letters, digits and . _ : -';
  }
  const idempotencyKey = single(headers['idempotency-key']);
  if (idempotencyKey !== undefined && idempotencyKey.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    return `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`;
  }
  return undefined;
}

/** Refuses bad headers on every route before routing, so no handler (or event) ever sees them. */
export function refuseHostileHeaders(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, _reply, done) => {
    const problem = headerProblem(request.headers);
    done(problem ? new BadRequestException({ message: problem, code: 'REQUEST.HEADER_INVALID' }) : undefined);
  });
}

/** As the request-context decorator reads a header: the first value, trimmed; blank counts as absent. */
function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}
