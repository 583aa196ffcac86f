import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import pino, { DestinationStream, Logger, LevelWithSilent } from 'pino';
import type { LogLevel } from '@hazard/platform';

/** The app's pino logger, for the request line; Nest's own Logger writes through the same one (nestjs-pino). */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** LOG_LEVEL keeps Nest's names (error, warn, log, debug, verbose); pino calls `log` info and `verbose` trace. */
const PINO_LEVELS: Readonly<Record<LogLevel, LevelWithSilent>> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Anything that could carry a token, a secret or a person's data, should a log call ever be handed a request:
 * the bearer and cookie headers, every query string (the /public/* pages and `?access_token=`), every body.
 * The request line (request-log.hook.ts) logs none of them to begin with: route patterns, not URLs.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.query',
  'req.body',
  'req.url',
  'headers.authorization',
  'headers.cookie',
  'body',
  'query',
  'access_token',
];

/** The app's one pino logger: JSON lines on stdout (or `destination`, for tests), ISO times, level names. */
export function createRootLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level: PINO_LEVELS[level],
      base: { service: 'hazard-ledger' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

/** A client's X-Request-Id when it is a plain token (so it joins their logs to ours), else a new UUID. */
export function requestIdOf(raw: { readonly headers: IncomingHttpHeaders }): string {
  const header = raw.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  const id = given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  // pino-http (nestjs-pino's request context) takes the id from here, so every line of a request carries the same.
  (raw as { id?: string }).id = id;
  return id;
}
