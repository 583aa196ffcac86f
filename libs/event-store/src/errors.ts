/** Typed errors of the event-store port. Adapters translate their driver's errors into these. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: number | 'any',
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${expected}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STORE.STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} not found`);
  }
}

export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE.UNAVAILABLE';
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/** The append is larger than the store takes in one write (EventStoreDB: MaxAppendSize, 1 MiB by default). */
export class AppendTooLargeError extends EventStoreError {
  readonly code = 'STORE.APPEND_TOO_LARGE';
  constructor(
    readonly streamId: string,
    readonly maxBytes?: number,
  ) {
    super(`the append to ${streamId} is larger than the event store accepts in one write${maxBytes === undefined ? '' : ` (${maxBytes} bytes)`}`);
  }
}

/** A global read started at a position that names no event of this log (a checkpoint from another log). */
export class InvalidPositionError extends EventStoreError {
  readonly code = 'STORE.INVALID_POSITION';
  constructor(
    readonly position: number,
    override readonly cause?: unknown,
  ) {
    super(`global position ${position} is not a position of this event store's log`);
  }
}

/** The store was closed (the process is shutting down): nothing was written; another replica can take it. */
export class StoreClosedError extends StoreUnavailableError {
  override readonly code = 'STORE.UNAVAILABLE';
  constructor() {
    super('the event store is closed: the server is shutting down');
  }
}

/**
 * A checkpoint database in DATA_DIR was written against another event log than the one configured. Fatal:
 * a process manager re-run from 0 against another log would issue its commands again.
 */
export class CheckpointsFromAnotherLogError extends EventStoreError {
  readonly code = 'STORE.CHECKPOINTS_FROM_ANOTHER_LOG';
  /** Tells `keepConsuming` not to retry: restarting cannot fix it, an operator must. */
  readonly fatal = true;
  constructor(
    readonly file: string,
    readonly recorded: string,
    readonly configured: string,
  ) {
    super(`${file} holds checkpoints of the event log ${recorded}, but the configured event store is ${configured}; point EVENT_STORE at that log or move the file away`);
  }
}
