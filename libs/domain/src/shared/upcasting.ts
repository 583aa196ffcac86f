/**
 * What the domain needs of a stored event to bring it to today's shape. Every store's recorded event has
 * these fields; the domain names only them, so it depends on no store.
 */
export interface StoredShape {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly schemaVersion: number };
}

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

/** Builds the function that brings any stored event to the current schemaVersion of its type. */
export function createUpcaster(upcasters: readonly Upcaster[]): <R extends StoredShape>(event: R) => R {
  const byKey = new Map(upcasters.map((u) => [`${u.eventType}@${u.fromVersion}`, u]));
  return <R extends StoredShape>(event: R): R => {
    let current = event;
    for (let u = byKey.get(`${current.type}@${current.metadata.schemaVersion}`); u; u = byKey.get(`${current.type}@${current.metadata.schemaVersion}`)) {
      current = { ...current, data: u.up(current.data), metadata: { ...current.metadata, schemaVersion: u.fromVersion + 1 } };
    }
    return current;
  };
}
