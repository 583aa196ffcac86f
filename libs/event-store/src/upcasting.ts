import { RecordedEvent } from './event-store.port';

/**
 * Turns one stored shape of an event type into the next. Applied on read only: stored events are never
 * rewritten, so their hashes keep verifying.
 */
export interface Upcaster {
  readonly eventType: string;
  /** The schemaVersion this upcaster reads; it produces `fromVersion + 1`. */
  readonly fromVersion: number;
  readonly up: (data: unknown) => unknown;
}

/** Builds the read-side function that brings any stored event to the current schemaVersion of its type. */
export function createUpcaster(upcasters: readonly Upcaster[]): (event: RecordedEvent) => RecordedEvent {
  const byKey = new Map(upcasters.map((u) => [`${u.eventType}@${u.fromVersion}`, u]));
  return (event) => {
    let current = event;
    for (let u = byKey.get(`${current.type}@${current.metadata.schemaVersion}`); u; u = byKey.get(`${current.type}@${current.metadata.schemaVersion}`)) {
      current = { ...current, data: u.up(current.data), metadata: { ...current.metadata, schemaVersion: u.fromVersion + 1 } };
    }
    return current;
  };
}
