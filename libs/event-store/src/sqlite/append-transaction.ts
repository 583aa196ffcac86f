import type Database from 'better-sqlite3';
import { WrongExpectedRevisionError } from '../errors';
import { NO_STREAM, type AppendResult } from '../event-store.port';
import { DuplicateEventIdError } from './duplicate-event-id.error';
import type { AppendOutcome, AppendRequest, SerializedEvent } from '../group-commit/append-batch';
import type { SqliteStatements, StreamHead } from './sqlite-statements';

export type { AppendOutcome, AppendRequest };

const EMPTY_STREAM: StreamHead = { revision: NO_STREAM, position: 0 };

/**
 * Writes a whole group-commit batch in one `BEGIN IMMEDIATE` transaction (one fsync), each append in its
 * own savepoint so a refused append rolls back alone. Throws only when the transaction itself fails; the
 * caller then fails every append of the batch.
 */
export function createBatchWriter(db: Database.Database, statements: SqliteStatements) {
  const appendOne = db.transaction((request: AppendRequest, heads: Map<string, StreamHead>, recordedAt: string) => {
    const [first] = request.events;
    const retried = first && statements.eventById.get(first.id);
    if (retried) return resultOfRetry(request, retried.stream_id, retried.revision);

    const head = heads.get(request.streamId) ?? statements.streamHead.get(request.streamId) ?? EMPTY_STREAM;
    if (request.expectedRevision !== 'any' && request.expectedRevision !== head.revision) {
      throw new WrongExpectedRevisionError(request.streamId, request.expectedRevision, head.revision);
    }
    let { revision, position } = head;
    for (const event of request.events) {
      revision += 1;
      position = Number(insert(request.streamId, revision, event, recordedAt));
    }
    heads.set(request.streamId, { revision, position });
    return { nextExpectedRevision: revision, position };
  });

  function insert(streamId: string, revision: number, event: SerializedEvent, recordedAt: string) {
    try {
      return statements.insert.run(streamId, revision, event.id, event.type, event.data, event.metadata, recordedAt)
        .lastInsertRowid;
    } catch (error) {
      if (isEventIdConflict(error)) throw new DuplicateEventIdError(event.id, streamId);
      throw error;
    }
  }

  /** A retry must find its own events, in order, where the first one landed; anything else is a reused id. */
  function resultOfRetry(request: AppendRequest, storedStream: string, firstRevision: number): AppendResult {
    const ids = request.events.map((event) => event.id);
    const stored = storedStream === request.streamId
      ? statements.readStream.all(request.streamId, firstRevision, ids.length)
      : [];
    const last = stored[ids.length - 1];
    if (!last || stored.some((row, index) => row.event_id !== ids[index])) {
      throw new DuplicateEventIdError(ids[0] ?? '', request.streamId);
    }
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  const writeBatch = db.transaction((requests: readonly AppendRequest[], recordedAt: string): AppendOutcome[] => {
    // Heads moved earlier in this batch. The query would see them too (same transaction); the map spares it.
    const heads = new Map<string, StreamHead>();
    return requests.map((request) => {
      try {
        return { ok: true, result: appendOne(request, heads, recordedAt) };
      } catch (error) {
        if (isRefusal(error)) return { ok: false, error };
        throw error;
      }
    });
  });

  return (requests: readonly AppendRequest[], recordedAt: string): AppendOutcome[] =>
    writeBatch.immediate(requests, recordedAt);
}

/** Refusals concern one append; any other error (I/O, corruption) means the transaction cannot be trusted. */
function isRefusal(error: unknown): error is Error {
  return error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError;
}

/**
 * Duck-typed, not `instanceof`: better-sqlite3's native addon keeps the SqliteError class of the first realm
 * that loaded it, so under jest (one realm per test file) the error may not be an `Error` of ours.
 */
function isEventIdConflict(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes('events.event_id');
}
