import { createUpcaster, StoredShape } from './upcasting';

/** A recorded event as a store returns it, with fields the upcaster must carry over untouched. */
const stored = (type: string, schemaVersion: number, data: unknown): StoredShape & { readonly streamId: string; readonly revision: number } => ({
  streamId: 's',
  revision: 0,
  type,
  data,
  metadata: { schemaVersion },
});

describe('createUpcaster', () => {
  const upcast = createUpcaster([
    { eventType: 'Thing', fromVersion: 1, up: (d) => ({ ...(d as object), b: 'added in v2' }) },
    { eventType: 'Thing', fromVersion: 2, up: (d) => ({ ...(d as object), c: 'added in v3' }) },
  ]);

  it('chains upcasters from the stored version to the current one and records the version read as', () => {
    const event = upcast(stored('Thing', 1, { a: 1 }));
    expect(event.data).toEqual({ a: 1, b: 'added in v2', c: 'added in v3' });
    expect(event.metadata.schemaVersion).toBe(3);
  });

  it('starts from the stored version', () => {
    expect(upcast(stored('Thing', 2, { a: 1 })).data).toEqual({ a: 1, c: 'added in v3' });
  });

  it('leaves current versions and other types as they are, and never mutates the stored event', () => {
    const current = stored('Thing', 3, { a: 1 });
    expect(upcast(current)).toBe(current);
    const other = stored('Other', 1, { a: 1 });
    expect(upcast(other)).toBe(other);
    const old = stored('Thing', 1, { a: 1 });
    upcast(old);
    expect(old.data).toEqual({ a: 1 });
    expect(old.metadata.schemaVersion).toBe(1);
  });
});
