import { BACKWARDS, END, EventStoreDBClient, type AllStreamResolvedEvent, type Position, type ReadPosition } from '@eventstore/db-client';
import { StoreClosedError, StoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import {
  NO_STREAM,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoreIdentity,
  type SubscribeOptions,
} from '../event-store.port';
import { OpenSubscriptions, subscribeToAll } from './all-subscription';
import { ClientSlot } from './client-slot';
import { connectionSettings, DEFAULT_DEADLINE_MS } from './connection-settings';
import { toPortError, type CallContext } from './error-mapping';
import { collect, within, type EsdbClient } from './esdb-client';
import { toEventData, toRecordedEvent } from './event-mapping';
import { fromEsdbRevision, toEsdbExpectedRevision } from './expected-revision';
import { LogIdentity } from './log-identity';
import { streamHead } from './stream-head';
import { decodeAfter, encodePosition } from './position-codec';
import { isSystemEvent } from './system-events';

/** `ESDB_CONNECTION_STRING` could not be parsed; nothing was connected. */
export class InvalidConnectionStringError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export interface EventStoreDbOptions {
  /** Bound on every call (append, each read, a subscription's start). Default 10 s. */
  readonly deadlineMs?: number;
}

/** Largest `$all` page read at once; a caller's larger `maxCount` is served in several pages. */
const MAX_PAGE = 1000;
/** Page size when walking `$all` backwards past system events to find the head. */
const HEAD_PAGE = 100;

/**
 * The event store on an EventStoreDB cluster (gRPC client v6, server 22.6 or later). Same port, same revision
 * convention and the same contract suite as the SQLite store; see `position-codec.ts` for how positions map.
 *
 * Only a decision asks for the leader: appends, and stream reads unless the caller passes
 * `consistency: 'any'` (queries, reports, consumers). `$all` reads and subscriptions may be served by any
 * node. Every call is bounded by a deadline (`defaultDeadline` in the connection string), an answer that
 * means "no usable node right now" becomes `StoreUnavailableError` (503, safe to retry: event ids dedupe),
 * and `close()` lets the appends in flight finish before it disposes the client and its channel.
 */
export class EventStoreDbEventStore implements EventStore {
  private closing = false;
  private closed?: Promise<void>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly subscriptions = new OpenSubscriptions();
  private readonly slot: ClientSlot;
  private readonly deadlineMs: number;
  private readonly logIdentity = new LogIdentity();

  /** A client, or a factory (needed to replace a client whose server-features check failed). */
  constructor(client: EsdbClient | (() => EsdbClient), options: EventStoreDbOptions = {}) {
    this.slot = new ClientSlot(typeof client === 'function' ? client : () => client);
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  }

  /** Parses the connection string (throws `InvalidConnectionStringError`); connects lazily, on first use. */
  static connect(connectionString: string): EventStoreDbEventStore {
    const settings = connectionSettings(connectionString);
    let first: EsdbClient | undefined;
    try {
      first = EventStoreDBClient.connectionString(settings.connectionString);
    } catch (cause) {
      throw new InvalidConnectionStringError(cause);
    }
    const create = (): EsdbClient => {
      const client = first ?? EventStoreDBClient.connectionString(settings.connectionString);
      first = undefined;
      return client;
    };
    return new EventStoreDbEventStore(create, { deadlineMs: settings.deadlineMs });
  }

  append(streamId: string, events: readonly EventToAppend[], { expectedRevision }: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    return this.call({ streamId, expectedRevision }, async () => {
      const expected = toEsdbExpectedRevision(expectedRevision);
      const proposed = events.map(toEventData);
      if (proposed.length === 0) return this.checkOnly(streamId, expectedRevision);
      const lease = await this.slot.appendable(this.deadlineMs);
      try {
        const options = { expectedRevision: expected, requiresLeader: true, deadline: this.deadlineMs };
        const written = await within(lease.client.appendToStream(streamId, proposed, options), this.deadlineMs, `the append to ${streamId}`);
        // With throwOnAppendFailure=false the client reports a refused append as a result, not an error.
        if (!written.success) {
          const { revision } = await streamHead(lease.client, streamId, this.deadlineMs);
          throw new WrongExpectedRevisionError(streamId, expectedRevision, revision);
        }
        const nextExpectedRevision = fromEsdbRevision(written.nextExpectedRevision);
        return { nextExpectedRevision, position: await this.lastPosition(streamId, nextExpectedRevision, proposed.length, written.position) };
      } finally {
        lease.release();
      }
    });
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.call({ streamId }, () => this.readStreamEvents(streamId, options));
  }

  /** Pages through `$all` from `after` (inclusive on the server, so `<= after` is skipped), leaving out system events. */
  readAll({ after, maxCount, consistency = 'any' }: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.call({ position: after }, async () => {
      let fromPosition = decodeAfter(after);
      const events: RecordedEvent[] = [];
      const pageSize = Math.min(maxCount + 1, MAX_PAGE);
      let seen = after;
      while (events.length < maxCount) {
        const page = await this.withClient((client) =>
          collect(client.readAll({ fromPosition, maxCount: pageSize, requiresLeader: consistency === 'leader' }), this.deadlineMs, 'a read of $all'),
        );
        for (const { event } of page) {
          if (!event || encodePosition(event.position) <= seen) continue;
          seen = encodePosition(event.position);
          if (!isSystemEvent(event)) events.push(toRecordedEvent(event));
          if (events.length === maxCount) break;
        }
        const last = page.at(-1)?.event;
        if (page.length < pageSize || !last) break;
        fromPosition = last.position;
      }
      return events;
    });
  }

  /** Catch-up, then live; ends when the signal aborts or the store closes (see `all-subscription.ts`). */
  subscribeToAll(options: SubscribeOptions): AsyncIterable<RecordedEvent> {
    if (this.closing) return (async function* () {})();
    return subscribeToAll(() => this.slot.lease(), options, this.subscriptions, this.deadlineMs);
  }

  /** Position of the newest application event: `$all` read backwards, past any system events. */
  headPosition(): Promise<number> {
    return this.call({}, async () => {
      let fromPosition: ReadPosition = END;
      for (;;) {
        const page: AllStreamResolvedEvent[] = await this.withClient((client) =>
          collect(client.readAll({ direction: BACKWARDS, fromPosition, maxCount: HEAD_PAGE }), this.deadlineMs, 'a read of $all'),
        );
        const newest = page.find(({ event }) => event && !isSystemEvent(event))?.event;
        if (newest) return encodePosition(newest.position);
        const oldest = page.at(-1)?.event;
        if (page.length < HEAD_PAGE || !oldest) return 0;
        fromPosition = oldest.position;
      }
    });
  }

  /** The cluster's log id, kept in its own stream (see `log-identity.ts`). */
  identity(): Promise<StoreIdentity> {
    return this.call({}, async () => ({
      store: 'eventstoredb',
      logId: await this.logIdentity.resolve({
        readFirst: (streamId) =>
          this.readStreamEvents(streamId, { maxCount: 1 }).then(
            ([first]) => first,
            (error: unknown) => {
              throw toPortError(error, { streamId });
            },
          ),
        create: (streamId, event) => this.append(streamId, [event], { expectedRevision: NO_STREAM }),
      }),
    }));
  }

  /**
   * Refuses new calls at once, lets the ones in flight finish (each is bounded by its deadline), ends the
   * subscriptions, then disposes the client and closes its channel. Calling it again waits for the same end.
   */
  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing = true;
      this.subscriptions.closeAll();
      await Promise.allSettled([...this.inFlight]);
      await this.slot.disposeAll();
    })();
    return this.closed;
  }

  private async readStreamEvents(streamId: string, { fromRevision = 0, maxCount, consistency = 'leader' }: ReadStreamOptions): Promise<RecordedEvent[]> {
    const read = await this.withClient((client) =>
      collect(
        client.readStream(streamId, {
          fromRevision: BigInt(fromRevision),
          ...(maxCount === undefined ? {} : { maxCount }),
          requiresLeader: consistency === 'leader',
        }),
        this.deadlineMs,
        `a read of ${streamId}`,
      ),
    );
    return read.flatMap(({ event }) => (event ? [toRecordedEvent(event)] : []));
  }

  private async withClient<T>(operation: (client: EsdbClient) => Promise<T>): Promise<T> {
    const lease = this.slot.lease();
    try {
      return await operation(lease.client);
    } finally {
      lease.release();
    }
  }

  /**
   * The position of the append's last event. For a one-event append the server's reported position is that
   * event's own (commit = prepare). For several events it names the write rather than its last event, and a
   * deduplicated retry may report none, so the last event is read back: one small read on the leader.
   */
  private async lastPosition(streamId: string, revision: number, count: number, reported?: Position): Promise<number> {
    if (count === 1 && reported && reported.commit === reported.prepare) return encodePosition(reported);
    const [last] = await this.readStreamEvents(streamId, { fromRevision: revision, maxCount: 1 });
    if (!last) throw new StoreUnavailableError(`event ${revision} of ${streamId} was acknowledged but cannot be read back`);
    return last.position;
  }

  /** An append of no events writes nothing: it checks the expected revision and reports the stream's head. */
  private async checkOnly(streamId: string, expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const head = await this.withClient((client) => streamHead(client, streamId, this.deadlineMs));
    if (expectedRevision !== 'any' && expectedRevision !== head.revision) {
      throw new WrongExpectedRevisionError(streamId, expectedRevision, head.revision);
    }
    return { nextExpectedRevision: head.revision, position: head.position };
  }

  /** Refuses calls once closing began, maps errors, and counts the call in flight so `close()` waits for it. */
  private call<T>(context: CallContext, operation: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new StoreClosedError());
    const running = (async () => {
      try {
        return await operation();
      } catch (error) {
        throw toPortError(error, context);
      }
    })();
    this.inFlight.add(running);
    const forget = () => this.inFlight.delete(running);
    running.then(forget, forget);
    return running;
  }
}
