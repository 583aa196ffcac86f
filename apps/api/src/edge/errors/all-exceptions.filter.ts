import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { errorResponseOf, RETRY_AFTER_SECONDS } from './error-response';

/** Renders every error in API.md's shape; 503 carries Retry-After; unexpected errors are logged, not leaked. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = errorResponseOf(error);
    if (response.statusCode >= 500) this.logger.error((error as Error)?.stack ?? String(error));
    if (response.statusCode === 503) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    void reply.status(response.statusCode).send(response);
  }
}
