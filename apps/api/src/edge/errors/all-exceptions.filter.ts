import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { errorLogOf, isClientAbort } from './error-log';
import { errorResponseOf, RETRY_AFTER_SECONDS } from './error-response';

/** Renders every error in API.md's shape; 503 carries Retry-After; each is logged at its level (error-log.ts), none leaked. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const response = errorResponseOf(error);
    const log = errorLogOf(error, response, isClientAbort(error, reply.raw?.destroyed === true));
    const requestId = host.switchToHttp().getRequest<FastifyRequest | undefined>()?.id;
    this.logger[log.level]({ requestId, ...log.fields }, log.message);
    if (response.statusCode === 503) reply.header('Retry-After', String(RETRY_AFTER_SECONDS));
    void reply.status(response.statusCode).send(response);
  }
}
