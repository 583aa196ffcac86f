import { createHash } from 'node:crypto';
import { EventMetadata } from './event-store.port';

/** The value the first event of every stream chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same event hashes the same on every store. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256(prevHash ‖ canonical JSON of type, data and metadata without `hash`). */
export function eventHash(prevHash: string, event: { type: string; data: unknown; metadata: EventMetadata }): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ type: event.type, data: event.data, metadata }))
    .digest('hex');
}

/** Sets `prevHash` and `hash` on events about to be appended after a stream head whose hash is `headHash`. */
export function chainEvents<T extends { type: string; data: unknown; metadata: EventMetadata }>(headHash: string, events: readonly T[]): T[] {
  let prev = headHash;
  return events.map((event) => {
    const metadata = { ...event.metadata, prevHash: prev };
    const hash = eventHash(prev, { ...event, metadata });
    prev = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}
