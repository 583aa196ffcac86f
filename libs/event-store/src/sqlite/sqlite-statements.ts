import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';

export interface EventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly recorded_at: string;
}

export type { SerializedEvent } from '../group-commit/append-batch';

export type StreamHead = { readonly revision: number; readonly position: number };

export type SqliteStatements = ReturnType<typeof prepareStatements>;

/** Prepared once per connection: better-sqlite3 statements are reusable and compiling them is the slow part. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], StreamHead>(
      'SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    eventById: db.prepare<[string], Pick<EventRow, 'stream_id' | 'revision'>>(
      'SELECT stream_id, revision FROM events WHERE event_id = ?',
    ),
    readStream: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
    ),
    readAll: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
    headPosition: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    insert: db.prepare<[string, number, string, string, string, string, string], never>(
      `INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    recordedAt: row.recorded_at,
  };
}
