import { BACKWARDS, END, EventStoreDBClient, type AllStreamResolvedEvent, type Position, type ReadPosition } from '@eventstore/db-client';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import {
  NO_STREAM,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from '../event-store.port';
import { OpenSubscriptions, subscribeToAll } from './all-subscription';
import { toPortError, type CallContext } from './error-mapping';
import { collect, type EsdbClient } from './esdb-client';
import { toEventData, toRecordedEvent } from './event-mapping';
import { fromEsdbRevision, toEsdbExpectedRevision } from './expected-revision';
import { decodeAfter, encodePosition } from './position-codec';
import { isSystemEvent } from './system-events';

/** `ESDB_CONNECTION_STRING` could not be parsed; nothing was connected. */
export class InvalidConnectionStringError extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Largest `$all` page read at once; a caller's larger `maxCount` is served in several pages. */
const MAX_PAGE = 1000;
/** Page size when walking `$all` backwards past system events to find the head. */
const HEAD_PAGE = 100;

/**
 * The event store on an EventStoreDB cluster (gRPC client v6, server 22.6 or later). Same port, same revision
 * convention and the same contract suite as the SQLite store; see `position-codec.ts` for how positions map.
 *
 * The command path (append and stream reads) asks for the leader, so a command never decides on a
 * follower's lagging copy: a follower answers "not leader", the client reconnects to the leader and the call
 * fails once with `StoreUnavailableError` (503, safe to retry). `$all` reads and subscriptions may be served
 * by whichever node the client is connected to (the leader, by the connection string's default preference).
 */
export class EventStoreDbEventStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new OpenSubscriptions();

  constructor(private readonly client: EsdbClient) {}

  /** Parses the connection string (throws `InvalidConnectionStringError`); connects lazily, on first use. */
  static connect(connectionString: string): EventStoreDbEventStore {
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(connectionString);
    } catch (cause) {
      throw new InvalidConnectionStringError(cause);
    }
    return new EventStoreDbEventStore(client);
  }

  async append(
    streamId: string,
    events: readonly EventToAppend[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const expected = toEsdbExpectedRevision(expectedRevision);
    const proposed = events.map(toEventData);
    return this.call({ streamId, expectedRevision }, async () => {
      if (proposed.length === 0) return this.checkOnly(streamId, expectedRevision);
      const written = await this.client.appendToStream(streamId, proposed, { expectedRevision: expected, requiresLeader: true });
      const nextExpectedRevision = fromEsdbRevision(written.nextExpectedRevision);
      return { nextExpectedRevision, position: await this.lastPosition(streamId, nextExpectedRevision, proposed.length, written.position) };
    });
  }

  async readStream(streamId: string, { fromRevision = 0, maxCount }: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.call({ streamId }, async () => {
      const read = this.client.readStream(streamId, {
        fromRevision: BigInt(fromRevision),
        ...(maxCount === undefined ? {} : { maxCount }),
        requiresLeader: true,
      });
      return (await collect(read)).flatMap(({ event }) => (event ? [toRecordedEvent(event)] : []));
    });
  }

  /** Pages through `$all` from `after` (inclusive on the server, so `<= after` is skipped), leaving out system events. */
  async readAll({ after, maxCount }: ReadAllOptions): Promise<RecordedEvent[]> {
    let fromPosition = decodeAfter(after);
    return this.call({}, async () => {
      const events: RecordedEvent[] = [];
      const pageSize = Math.min(maxCount + 1, MAX_PAGE);
      let seen = after;
      while (events.length < maxCount) {
        const page = await collect(this.client.readAll({ fromPosition, maxCount: pageSize }));
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
    return subscribeToAll(this.client, options, this.subscriptions);
  }

  /** Position of the newest application event: `$all` read backwards, past any system events. */
  async headPosition(): Promise<number> {
    return this.call({}, async () => {
      let fromPosition: ReadPosition = END;
      for (;;) {
        const page: AllStreamResolvedEvent[] = await collect(this.client.readAll({ direction: BACKWARDS, fromPosition, maxCount: HEAD_PAGE }));
        const newest = page.find(({ event }) => event && !isSystemEvent(event))?.event;
        if (newest) return encodePosition(newest.position);
        const oldest = page.at(-1)?.event;
        if (page.length < HEAD_PAGE || !oldest) return 0;
        fromPosition = oldest.position;
      }
    });
  }

  /** Ends open subscriptions and disposes the client. Calling it again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscriptions.closeAll();
    await this.client.dispose();
  }

  /**
   * The position of the append's last event. For a one-event append the server's reported position is that
   * event's own (commit = prepare). For several events it names the write rather than its last event, and a
   * deduplicated retry may report none, so the last event is read back: one small read on the leader.
   */
  private async lastPosition(streamId: string, revision: number, count: number, reported?: Position): Promise<number> {
    if (count === 1 && reported && reported.commit === reported.prepare) return encodePosition(reported);
    const [last] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!last) throw new StoreUnavailableError(`event ${revision} of ${streamId} was acknowledged but cannot be read back`);
    return last.position;
  }

  /** An append of no events writes nothing: it checks the expected revision and reports the stream's head. */
  private async checkOnly(streamId: string, expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const read = this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true });
    const [last] = await collect(read).catch((error: unknown) => {
      if (toPortError(error) instanceof StreamNotFoundError) return [];
      throw error;
    });
    const head = last?.event ? toRecordedEvent(last.event) : { revision: NO_STREAM, position: 0 };
    if (expectedRevision !== 'any' && expectedRevision !== head.revision) {
      throw new WrongExpectedRevisionError(streamId, expectedRevision, head.revision);
    }
    return { nextExpectedRevision: head.revision, position: head.position };
  }

  private async call<T>(context: CallContext, operation: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError('the event store is closed');
    try {
      return await operation();
    } catch (error) {
      throw toPortError(error, context);
    }
  }
}
