import { jsonEvent, type EventData, type JSONType, type Position } from '@eventstore/db-client';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../event-store.port';
import { encodePosition, toSafeNumber } from './position-codec';

/** The fields of the client's `RecordedEvent` this adapter reads (its generic union, written out plainly). */
export interface EsdbRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly created: Date;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: boolean;
  /** Always present on `$all` reads; on stream reads only from server 22.6 on. */
  readonly position?: Position;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Data and metadata travel as JSON (content type application/json), and the event keeps the id it was given:
 * a retried command produces the same ids, so the server recognises the retry and stores nothing twice.
 * EventStoreDB ids are UUIDs, which every id this system makes (`eventIdFor`, `randomUUID`) is.
 */
export function toEventData(event: EventToAppend): EventData {
  if (typeof event.id !== 'string' || !UUID.test(event.id)) {
    throw new TypeError(`EventStoreDB event ids are UUIDs, got '${String(event.id)}'`);
  }
  if (typeof event.type !== 'string' || event.type === '') throw new TypeError('every event needs a non-empty type');
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata ?? {},
  });
}

/** The port's view of a stored event; `recordedAt` is the server's `created` time. */
export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(
      `EventStoreDB returned event ${event.id} of ${event.streamId} without its position: stream reads carry positions from server 22.6 on`,
    );
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: asMetadata(event.metadata),
    streamId: event.streamId,
    revision: toSafeNumber(event.revision, 'stream revision'),
    position: encodePosition(event.position),
    recordedAt: event.created.toISOString(),
  };
}

/** Events written by other tools may carry no metadata, or bytes that are not JSON: they read as `{}`. */
function asMetadata(metadata: unknown): EventMetadata {
  const isObject = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata) && !(metadata instanceof Uint8Array);
  return (isObject ? metadata : {}) as EventMetadata;
}
