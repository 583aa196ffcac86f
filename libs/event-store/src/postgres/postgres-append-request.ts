import type { EventToAppend, ExpectedRevision } from '../event-store.port';
import type { AppendRequest, SerializedEvent } from './postgres-batch-writer';

/**
 * Checks and serialises an append before it is queued, so a malformed one fails alone here instead of failing
 * the batch's statement, which would fail every append of the batch.
 */
export function toAppendRequest(streamId: string, events: readonly EventToAppend[], expectedRevision: ExpectedRevision): AppendRequest {
  assertExpectedRevision(expectedRevision);
  return { streamId: text('streamId', streamId), events: events.map(serialize), expectedRevision };
}

/** PostgreSQL text cannot hold NUL; JSON escapes it. */
function serialize(event: EventToAppend): SerializedEvent {
  if (typeof event.id !== 'string' || event.id === '' || typeof event.type !== 'string' || event.type === '') {
    throw new TypeError('every event needs a non-empty string id and type');
  }
  return {
    id: text('event id', event.id),
    type: text('event type', event.type),
    data: JSON.stringify(event.data ?? null),
    metadata: JSON.stringify(event.metadata ?? {}),
  };
}

function text(what: string, value: string): string {
  if (typeof value !== 'string' || value.includes('\u0000')) throw new TypeError(`${what} must be a string without NUL characters`);
  return value;
}

function assertExpectedRevision(expected: ExpectedRevision): void {
  if (expected !== 'any' && !(Number.isInteger(expected) && expected >= -1)) {
    throw new RangeError(`expectedRevision must be 'any' or an integer >= -1, got ${String(expected)}`);
  }
}
