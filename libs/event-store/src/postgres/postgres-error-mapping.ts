import { EventStoreError, StoreUnavailableError } from '../errors';

/**
 * SQLSTATE classes and codes that mean "no usable server right now, try again" rather than a bug:
 * 08 connection exception, 53 insufficient resources (too many connections, disk full), 57 operator
 * intervention (shutdown, statement timeout), 58 system error, 28 and 3D (the server refuses this
 * login or database: a deployment fault the operator must see as an outage, not as a 500), 25006
 * (connected to a read-only standby, as after a failover), 40001/40P01 (serialisation failure, deadlock),
 * 55P03 (lock not available).
 */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58', '28', '3D']);
const UNAVAILABLE_CODES = new Set(['25006', '40001', '40P01', '55P03']);

/** What node-postgres throws without a SQLSTATE when the connection itself fails or times out. */
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|Cannot use a pool after calling end|Client has encountered a connection error|not queryable|ECONNREFUSED|ECONNRESET/i;

/**
 * Turns what `pg` throws into the port's errors: anything that means the server cannot be reached or used
 * becomes `StoreUnavailableError` (HTTP 503 with Retry-After; a retried command is deduplicated by its event
 * ids, so retrying an append whose outcome is unknown is safe). Anything else — a bug — is returned unchanged.
 */
export function toPortError(error: unknown, doing: string): unknown {
  if (error instanceof EventStoreError) return error;
  if (isUnavailable(error)) return new StoreUnavailableError(`PostgreSQL is unavailable (${doing}): ${messageOf(error)}`, error);
  return error;
}

export function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
    return UNAVAILABLE_CLASSES.has(code.slice(0, 2)) || UNAVAILABLE_CODES.has(code);
  }
  // Node's socket errors: ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOTFOUND, EHOSTUNREACH, EPIPE, EAI_AGAIN…
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join('; ');
  return error instanceof Error ? error.message || String((error as { code?: unknown }).code ?? 'unknown error') : String(error);
}
