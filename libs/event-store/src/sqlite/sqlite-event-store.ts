import Database from 'better-sqlite3';
import { EventStoreError, StoreUnavailableError, StreamNotFoundError } from '../errors';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreIdentity,
  SubscribeOptions,
} from '../event-store.port';
import { AppendNotifier } from './append-notifier';
import { createBatchWriter } from './append-transaction';
import { GroupCommitQueue, type GroupCommitStats } from './group-commit-queue';
import { pollSubscription } from './poll-subscription';
import { configureConnection, migrate, readLogId } from './sqlite-schema';
import { prepareStatements, toRecordedEvent, type SerializedEvent, type SqliteStatements } from './sqlite-statements';

export { DuplicateEventIdError } from './duplicate-event-id.error';
export type { GroupCommitStats } from './group-commit-queue';

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ':memory:' for a throw-away store. */
  readonly file: string;
  /** How often a subscription looks for appends made by another process. Default 200 ms. */
  readonly pollIntervalMs?: number;
  /** The store's clock, for `recordedAt`. */
  readonly now?: () => Date;
  /** How long a write waits for another process's write lock before the batch fails. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** Told the number of appends in each group-commit transaction (metrics); must be cheap. */
  readonly onGroupCommit?: (appends: number) => void;
}

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`, so an append resolves only
 * once its events are on disk. Appends made in the same turn of the event loop share one transaction
 * (group commit); each is still checked and refused on its own. Several instances, in this or other
 * processes, may share a file: the write lock serialises them and subscriptions poll for each other's
 * appends. Also throws `DuplicateEventIdError` when an event id is reused by a different append.
 */
export class SqliteEventStore implements EventStore {
  private closed = false;
  private readonly notifier = new AppendNotifier();
  private readonly queue: GroupCommitQueue;

  private constructor(
    private readonly db: Database.Database,
    private readonly statements: SqliteStatements,
    private readonly pollIntervalMs: number,
    now: () => Date,
    onGroupCommit?: (appends: number) => void,
  ) {
    const writeBatch = createBatchWriter(db, statements);
    this.queue = new GroupCommitQueue((requests) => {
      const outcomes = writeBatch(requests, now().toISOString());
      this.notifier.notify();
      return outcomes;
    }, onGroupCommit);
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    let db: Database.Database | undefined;
    try {
      db = new Database(options.file);
      configureConnection(db, options.busyTimeoutMs ?? 5000);
      migrate(db);
      const now = options.now ?? (() => new Date());
      return new SqliteEventStore(db, prepareStatements(db), options.pollIntervalMs ?? 200, now, options.onGroupCommit);
    } catch (cause) {
      db?.close();
      throw new StoreUnavailableError(`cannot open the event store at ${options.file}`, cause);
    }
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    try {
      this.assertOpen();
      assertExpectedRevision(expectedRevision);
      return this.queue.enqueue({ streamId, events: events.map(serialize), expectedRevision });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.read(() => {
      const rows = this.statements.readStream.all(streamId, options.fromRevision ?? 0, options.maxCount ?? -1);
      if (rows.length === 0 && !this.statements.streamHead.get(streamId)) throw new StreamNotFoundError(streamId);
      return rows.map(toRecordedEvent);
    });
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.read(() => this.statements.readAll.all(options.after, options.maxCount).map(toRecordedEvent));
  }

  subscribeToAll(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    return pollSubscription(
      { readAll: (page) => this.readAll(page), notifier: this.notifier, pollIntervalMs: this.pollIntervalMs },
      options,
    );
  }

  async headPosition(): Promise<number> {
    return this.read(() => this.statements.headPosition.get()?.position ?? 0);
  }

  /** The uuid `store_meta` got when the file was created: a copy of the file is the same log, any other file not. */
  async identity(): Promise<StoreIdentity> {
    return this.read(() => ({ store: 'sqlite', logId: readLogId(this.db) }));
  }

  /** Writes the appends still queued, ends subscriptions and closes the file. Calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notifier.close();
    this.queue.flush();
    this.db.close();
  }

  /** Transactions and appends written so far: shows how well group commit is batching. */
  groupCommitStats(): GroupCommitStats {
    return this.queue.stats();
  }

  private read<T>(query: () => T): T {
    this.assertOpen();
    try {
      return query();
    } catch (error) {
      if (error instanceof EventStoreError) throw error;
      throw new StoreUnavailableError('reading the event store failed', error);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the event store is closed');
  }
}

/**
 * Runs before queueing so a malformed event fails its own append here instead of hitting a NOT NULL
 * constraint inside the batch transaction, which would fail every append in the batch.
 */
function serialize(event: EventToAppend): SerializedEvent {
  if (typeof event.id !== 'string' || event.id === '' || typeof event.type !== 'string' || event.type === '') {
    throw new TypeError('every event needs a non-empty string id and type');
  }
  const { id, type } = event;
  return { id, type, data: JSON.stringify(event.data ?? null), metadata: JSON.stringify(event.metadata ?? {}) };
}

function assertExpectedRevision(expected: ExpectedRevision): void {
  if (expected !== 'any' && !(Number.isInteger(expected) && expected >= -1)) {
    throw new RangeError(`expectedRevision must be 'any' or an integer >= -1, got ${String(expected)}`);
  }
}
