import { Pool, type PoolConfig } from 'pg';
import { StoreClosedError, StreamNotFoundError } from '../errors';
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
import { AppendNotifier } from '../sqlite/append-notifier';
import { pollSubscription } from '../sqlite/poll-subscription';
import { AppendBatcher, type AppendBatcherStats } from './append-batcher';
import { AppendListener } from './append-listener';
import { toAppendRequest } from './postgres-append-request';
import { writeBatch } from './postgres-batch-writer';
import { toPortError } from './postgres-error-mapping';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-rows';
import { migrate, type SchemaFacts } from './postgres-schema';

export type { AppendBatcherStats as PostgresGroupCommitStats } from './append-batcher';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port/database`; `?options=-c search_path=…` picks another schema. */
  readonly connectionString: string;
  /** Connections of this process's pool (appends use one at a time; reads and subscriptions the rest). Default 10. */
  readonly poolSize?: number;
  /** How often a subscription polls when no notification woke it (a lost NOTIFY only delays). Default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** A clock for `recordedAt`; default the database server's, one clock for every replica. */
  readonly now?: () => Date;
  /** Told the number of appends in each group-commit transaction (metrics); must be cheap. */
  readonly onGroupCommit?: (appends: number) => void;
  /** How long to wait for a connection before a call fails with StoreUnavailableError. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /** Server-side deadline of every statement, waiting for the append lock included. Default 30000 ms. */
  readonly statementTimeoutMs?: number;
}

export type PostgresStoreIdentity = StoreIdentity & { readonly store: 'postgres' };

/**
 * The event store on PostgreSQL (and the servers that speak its protocol), for several API processes on one
 * database. Same port, revision convention and contract suite as the SQLite store. Appends of this process
 * share one transaction per round (`AppendBatcher`); each is checked and refused on its own in the server-side
 * function `event_log_append`, whose advisory lock hands out positions in commit order (postgres-schema.ts),
 * so subscriptions can read "after the last position" without ever skipping a late commit.
 *
 * Connects lazily: opening never fails on an unreachable server; each call then fails with
 * `StoreUnavailableError` (HTTP 503) until the server answers, and the schema is created on the first call
 * that reaches it (a failed attempt is not remembered: the next call tries again).
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly notifier = new AppendNotifier();
  private readonly listener: AppendListener;
  private readonly batcher: AppendBatcher;
  private readonly reads = new Set<Promise<unknown>>();
  private readonly pollIntervalMs: number;
  private schema: Promise<SchemaFacts> | undefined;
  /** No new appends. */
  private closed = false;
  /** The pool is ending: no reads either. */
  private released = false;
  private closing: Promise<void> | undefined;

  private constructor(options: PostgresEventStoreOptions) {
    const connection: PoolConfig = {
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      keepAlive: true,
      application_name: 'hazard-ledger',
    };
    this.pool = new Pool({ ...connection, max: options.poolSize ?? 10 });
    // An idle connection that breaks is dropped by the pool; without a listener the error would crash the process.
    this.pool.on('error', () => undefined);
    this.listener = new AppendListener(connection, this.notifier);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    const now = options.now ?? (() => null);
    this.batcher = new AppendBatcher(
      async (requests) => {
        await this.ready();
        const outcomes = await writeBatch(this.pool, requests, now());
        this.notifier.notify();
        return outcomes;
      },
      (cause) => toPortError(cause, 'appending; the outcome is unknown, and retrying the same command is safe'),
      options.onGroupCommit,
    );
  }

  /** Parses nothing and connects nothing yet: see the class comment. */
  static open(options: PostgresEventStoreOptions): PostgresEventStore {
    return new PostgresEventStore(options);
  }

  /** Resolves once the server answered and the schema exists; for callers that want to fail early. */
  async ready(): Promise<void> {
    await this.schemaFacts();
  }

  append(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    try {
      if (this.closed) throw new StoreClosedError();
      return this.batcher.enqueue(toAppendRequest(streamId, events, expectedRevision));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.read('reading a stream', async () => {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM event_log WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
        [streamId, options.fromRevision ?? 0, options.maxCount ?? null],
      );
      if (rows.length === 0) {
        const exists = await this.pool.query('SELECT 1 FROM event_log WHERE stream_id = $1 LIMIT 1', [streamId]);
        if (exists.rows.length === 0) throw new StreamNotFoundError(streamId);
      }
      return rows.map(toRecordedEvent);
    });
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.read('reading the log', async () => {
      const { rows } = await this.pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM event_log WHERE position > $1 ORDER BY position LIMIT $2`,
        [options.after, options.maxCount],
      );
      return rows.map(toRecordedEvent);
    });
  }

  /**
   * `pollSubscription` is enough because positions become visible in order (see the class comment); it is
   * woken by this process's appends, by other processes' NOTIFY, and otherwise polls.
   */
  subscribeToAll(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    const readPage = async (page: ReadAllOptions): Promise<RecordedEvent[]> => {
      if (this.released) return [];
      try {
        this.listener.ensure((await this.schemaFacts()).channel);
        return await this.readAll(page);
      } catch (error) {
        // Closing ends the subscription quietly, as the port says; any other failure is the subscriber's to see.
        if (this.released) return [];
        throw error;
      }
    };
    return pollSubscription({ readAll: readPage, notifier: this.notifier, pollIntervalMs: this.pollIntervalMs }, options);
  }

  async headPosition(): Promise<number> {
    return this.read('reading the head position', async () => {
      const { rows } = await this.pool.query<{ head: string }>('SELECT coalesce(max(position), 0) AS head FROM event_log');
      return Number(rows[0]?.head ?? 0);
    });
  }

  /** The uuid `event_log_meta` got when the schema was created: every database and schema is another log. */
  async identity(): Promise<PostgresStoreIdentity> {
    return this.read('reading the log identity', async () => ({ store: 'postgres', logId: (await this.schemaFacts()).logId }));
  }

  /**
   * Refuses new appends, lets those queued or in flight finish (their callers get their real outcome), ends
   * subscriptions, waits for reads in flight and closes the pool. Calling it again waits for the same close.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  /** Transactions and appends written so far: shows how well group commit is batching. */
  groupCommitStats(): AppendBatcherStats {
    return this.batcher.stats();
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    await this.batcher.flush();
    this.notifier.close();
    this.released = true;
    await Promise.allSettled([...this.reads]);
    await this.listener.close();
    await this.pool.end();
  }

  private schemaFacts(): Promise<SchemaFacts> {
    this.schema ??= migrate(this.pool).catch((error: unknown) => {
      this.schema = undefined;
      throw toPortError(error, 'creating the schema');
    });
    return this.schema;
  }

  private read<T>(doing: string, query: () => Promise<T>): Promise<T> {
    if (this.released) return Promise.reject(new StoreClosedError());
    const reading = this.schemaFacts()
      .then(query)
      .catch((error: unknown) => {
        throw toPortError(error, doing);
      });
    this.reads.add(reading);
    const forget = () => this.reads.delete(reading);
    reading.then(forget, forget);
    return reading;
  }
}
