import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreError, StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';
import { fromEsdbRevision } from './expected-revision';

/** gRPC status codes the client sometimes passes through raw instead of wrapping in its own error classes. */
export const GRPC_DEADLINE_EXCEEDED = 4;
export const GRPC_UNAVAILABLE = 14;

/** What the failed call was about, so the port error can name it. */
export interface CallContext {
  readonly streamId?: string;
  readonly expectedRevision?: ExpectedRevision;
}

/**
 * Turns what the client throws into the port's errors:
 * - `WrongExpectedVersionError` → `WrongExpectedRevisionError` with the actual revision in our convention;
 * - `StreamNotFoundError`, and `StreamDeletedError` (a deleted stream reads as absent) → `StreamNotFoundError`;
 * - everything that means "no usable node right now, try again" → `StoreUnavailableError` (HTTP 503 with
 *   Retry-After): the client's `UnavailableError`, `DeadlineExceededError`, `NotLeaderError`, server
 *   `TimeoutError` and `CancelledError`, a gRPC error left raw with code 14 (UNAVAILABLE) or 4
 *   (DEADLINE_EXCEEDED) — `appendToStream` rejects with such a raw error when no connection can be made —
 *   and the plain `Error` of a failed cluster discovery.
 * Anything else (access denied, a malformed request, a bug) is returned unchanged.
 */
export function toPortError(error: unknown, context: CallContext = {}): unknown {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    const expected = context.expectedRevision ?? 'any';
    return new WrongExpectedRevisionError(context.streamId ?? error.streamName, expected, fromEsdbRevision(error.actualVersion));
  }
  if (error instanceof EsdbStreamNotFoundError || error instanceof StreamDeletedError) {
    return new StreamNotFoundError(context.streamId ?? error.streamName);
  }
  if (isUnavailable(error)) {
    return new StoreUnavailableError(`EventStoreDB is unavailable: ${messageOf(error)}`, error);
  }
  return error;
}

export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError
  ) {
    return true;
  }
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return true;
  return error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
