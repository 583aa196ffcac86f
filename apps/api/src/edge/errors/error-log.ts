import type { ErrorResponse } from './error-response';

/** Nest's level names, as the filter's Logger takes them (nestjs-pino maps `log` to info). */
export type ErrorLogLevel = 'error' | 'warn' | 'log';

export interface ErrorLog {
  readonly level: ErrorLogLevel;
  readonly message: string;
  /** Structured fields of the line: status and code, never the request's body, headers or query. */
  readonly fields: { readonly statusCode: number; readonly code?: string; readonly stack?: string };
}

/** Errors a client causes by going away mid-request: nothing to fix on our side. */
const CLIENT_ABORT_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

export function isClientAbort(error: unknown, socketClosed: boolean): boolean {
  if (socketClosed) return true;
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return name === 'AbortError' || (typeof code === 'string' && CLIENT_ABORT_CODES.has(code));
}

/**
 * How loud an error answer is in the log: only a bug (500) is an ERROR with its stack; an outage (other 5xx)
 * an ERROR with its message; a read model behind `minPosition` and refused credentials or rate limits a
 * WARN; every other client error, and a client that hung up, INFO. Without a stack below ERROR: they are
 * expected answers, not faults of the code.
 */
export function errorLogOf(error: unknown, response: ErrorResponse, clientAborted: boolean): ErrorLog {
  const { statusCode, code } = response;
  const base = { statusCode, ...(code ? { code } : {}) };
  if (clientAborted) return { level: 'log', message: `client closed the connection: ${messageOf(error)}`, fields: base };
  if (statusCode === 500) {
    return { level: 'error', message: messageOf(error), fields: { ...base, ...(error instanceof Error && error.stack ? { stack: error.stack } : {}) } };
  }
  if (statusCode > 500 && code !== 'READ_MODEL.BEHIND') return { level: 'error', message: response.message, fields: base };
  if (statusCode > 500 || statusCode === 401 || statusCode === 403 || statusCode === 429) return { level: 'warn', message: response.message, fields: base };
  return { level: 'log', message: response.message, fields: base };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
