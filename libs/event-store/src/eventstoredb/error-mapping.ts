import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { AppendTooLargeError, EventStoreError, InvalidPositionError, StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';
import { CallDeadlineError } from './esdb-client';
import { fromEsdbRevision } from './expected-revision';

/** gRPC status codes the client sometimes passes through raw instead of wrapping in its own error classes. */
export const GRPC_DEADLINE_EXCEEDED = 4;
export const GRPC_UNAVAILABLE = 14;

/** What the failed call was about, so the port error can name it. */
export interface CallContext {
  readonly streamId?: string;
  readonly expectedRevision?: ExpectedRevision;
  /** The global position a read of `$all` started after. */
  readonly position?: number;
}

/**
 * What the server (24.10, `RpcExceptions` and `Streams.BatchAppend`) says while it cannot serve: during an
 * election, at start-up, under load. Over BatchAppend these arrive as an error status with an empty detail,
 * which the client turns into `UnknownError("Could not recognize …")`; over unary calls "No leader info"
 * is a plain UNKNOWN status. The client's `handleError` does not reconnect on any of them.
 */
const NOT_SERVING = /Server Is Not Ready|Server Is (Too )?Busy|No leader info/i;
/** `MaxAppendEventSizeExceeded` has no class in client 6.x: a raw INVALID_ARGUMENT, or "Could not recognize" over BatchAppend. */
const EVENT_TOO_LARGE = /Maximum ?Append ?Event ?Size/i;
/** `RpcExceptions.InvalidPositionException`: INVALID_ARGUMENT, which the client leaves as `UnknownError`. */
const INVALID_POSITION = /read from an invalid position/i;
/** The client's own cancellation (channel disposed under a call): outcome unknown, safe to retry. */
const CANCELLED_ON_CLIENT = /Cancelled on client/;

/**
 * Turns what the client throws into the port's errors:
 * - `WrongExpectedVersionError` → `WrongExpectedRevisionError` with the actual revision in our convention;
 * - `StreamNotFoundError`, and `StreamDeletedError` (a deleted stream reads as absent) → `StreamNotFoundError`;
 * - an append over the server's MaxAppendSize (or MaxAppendEventSize) → `AppendTooLargeError` (413);
 * - a `$all` read from a position that is no event boundary → `InvalidPositionError` (422);
 * - everything that means "no usable node right now, try again" → `StoreUnavailableError` (HTTP 503 with
 *   Retry-After): the client's `UnavailableError`, `DeadlineExceededError`, `NotLeaderError`, server
 *   `TimeoutError` and `CancelledError`, the adapter's own deadline, the server's "Server Is Not Ready",
 *   "Server Is Busy" and "No leader info", a client-side cancellation, a gRPC error left raw with code 14 (UNAVAILABLE) or 4
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
  if (error instanceof MaxAppendSizeExceededError || EVENT_TOO_LARGE.test(messageOf(error))) {
    const max = error instanceof MaxAppendSizeExceededError && Number.isFinite(error.maxAppendSize) ? error.maxAppendSize : undefined;
    return new AppendTooLargeError(context.streamId ?? 'the stream', max);
  }
  if (INVALID_POSITION.test(messageOf(error))) return new InvalidPositionError(context.position ?? 0, error);
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
    error instanceof CancelledError ||
    error instanceof CallDeadlineError
  ) {
    return true;
  }
  if (NOT_SERVING.test(messageOf(error)) || CANCELLED_ON_CLIENT.test(messageOf(error))) return true;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return true;
  return error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
