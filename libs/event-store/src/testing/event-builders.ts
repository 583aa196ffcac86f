import { randomUUID } from 'node:crypto';
import { eventIdFor } from '../event-id';
import type { Actor, EventMetadata, EventToAppend } from '../event-store.port';

/** Random suffix so tests never share a stream, even on a shared server such as EventStoreDB. */
export function uniqueStreamId(prefix = 'test'): string {
  return `${prefix}-${randomUUID()}`;
}

export function testActor(overrides: Partial<Actor> = {}): Actor {
  return { userId: 'inspector-1', departmentId: 'safety-dept', roles: ['inspector'], ...overrides };
}

export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  const commandId = overrides.commandId ?? randomUUID();
  return {
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: testActor(),
    occurredAt: '2025-03-01T08:00:00.000Z',
    schemaVersion: 1,
    ...overrides,
  };
}

export type TestEventOverrides = Partial<Omit<EventToAppend, 'metadata'>> & { readonly metadata?: Partial<EventMetadata> };

export function testEvent(overrides: TestEventOverrides = {}): EventToAppend {
  const { metadata, ...rest } = overrides;
  return { id: randomUUID(), type: 'TestEventHappened', data: { note: 'test' }, ...rest, metadata: testMetadata(metadata) };
}

/** `count` events with distinct ids, numbered in `data.index` so order can be checked. */
export function testEvents(count: number, overrides: TestEventOverrides = {}): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => testEvent({ data: { index }, ...overrides }));
}

/** The events one command produces: ids derived from the command id, exactly as a retried command would. */
export function commandEvents(commandId: string, count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) =>
    testEvent({ id: eventIdFor(commandId, index), data: { commandId, index }, metadata: { commandId } }),
  );
}
