import { HttpException, HttpStatus } from '@nestjs/common';

/** The response header is set at once: AllExceptionsFilter keeps the reply's headers when it renders the body. */
export function tooManyRequests(reply: { header(name: string, value: string): unknown }, retryAfterSeconds: number, what: string): HttpException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  reply.header('Retry-After', String(seconds));
  return new HttpException(
    { message: `too many ${what}; retry in ${seconds} s`, code: 'RATE_LIMIT.EXCEEDED', details: { retryAfterSeconds: seconds } },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}
