import { BadRequestException } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { nestsDeeperThan } from './json-depth';

/** Deeper than any DTO of the API (they nest three levels at most), far short of what overflows a stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Replaces the JSON body parser with one that refuses a body nested deeper than MAX_JSON_DEPTH before it is
 * parsed: JSON.parse copes with 10,000 levels, but everything after it that walks the value recursively
 * (class-transformer, class-validator, the idempotency fingerprint) overflows the stack — a 500 for a
 * 40 KB request. Prototype poisoning is still refused by Fastify's own parser, which this one ends in.
 */
export function useDepthLimitedJsonParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request, body, done) => {
    if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new BadRequestException({ message: `request body nests deeper than ${MAX_JSON_DEPTH} levels`, code: 'REQUEST.TOO_DEEP' }), undefined);
      return;
    }
    // The cast: pino-http's typings add id/log to http.IncomingMessage, which an HTTP/2 request then lacks.
    parseJson(request as Parameters<typeof parseJson>[0], body.toString('utf8'), done);
  });
}
