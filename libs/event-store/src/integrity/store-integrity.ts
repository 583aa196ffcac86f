import { createHash } from 'node:crypto';
import { EventStore } from '../event-store.port';
import { IntegrityBreak, StreamChainCheck } from './stream-integrity';

export interface StreamHead {
  readonly revision: number;
  readonly hash: string;
}

/** What a reviewer exports (`cli digest`) to prove later that nothing recorded before it has changed. */
export interface StoreDigest {
  readonly digest: string;
  readonly streams: number;
  readonly events: number;
  readonly headPosition: number;
  readonly heads: Record<string, StreamHead>;
}

export interface StoreIntegrity extends StoreDigest {
  readonly valid: boolean;
  /** The first broken event of each broken stream. */
  readonly broken: readonly IntegrityBreak[];
}

const PAGE = 1000;

/**
 * Reads the whole global log once, re-checks every stream's chain and hashes the stream heads in a stable
 * order into one digest. `onProgress` gets the position reached, for progress bars.
 */
export async function verifyStore(store: EventStore, onProgress?: Progress, watch: Record<string, StreamHead> = {}): Promise<StoreIntegrity & { checks: Map<string, StreamChainCheck> }> {
  const headPosition = await store.headPosition();
  const checks = new Map<string, StreamChainCheck>();
  let events = 0;
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      let check = checks.get(event.streamId);
      if (!check) checks.set(event.streamId, (check = new StreamChainCheck(event.streamId, watch[event.streamId]?.revision)));
      check.add(event);
      events += 1;
    }
    const last = page[page.length - 1];
    if (!last || last.position >= headPosition) break;
    after = last.position;
    onProgress?.(after, headPosition);
  }
  onProgress?.(headPosition, headPosition);
  const heads = Object.fromEntries([...checks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, c]) => [id, c.head]));
  const broken = [...checks.values()].flatMap((c) => (c.firstBreak ? [c.firstBreak] : []));
  return { valid: broken.length === 0, digest: digestOf(heads), streams: checks.size, events, headPosition, heads, broken, checks };
}

type Progress = (position: number, head: number) => void;

/** sha256 over "streamId revision hash" lines of every stream head, in stream-id order. */
export function digestOf(heads: Record<string, StreamHead>): string {
  const hash = createHash('sha256');
  for (const id of Object.keys(heads).sort()) {
    const head = heads[id]!;
    hash.update(`${id} ${head.revision} ${head.hash}\n`);
  }
  return hash.digest('hex');
}

export interface DigestComparison {
  readonly valid: boolean;
  /** Streams whose recorded head no longer stands: an event at or before that revision was edited, deleted or reordered. */
  readonly changed: readonly { streamId: string; revision: number; reason: 'missing-stream' | 'missing-event' | 'head-changed' | 'chain-broken' }[];
}

/**
 * Proves nothing recorded before an earlier digest has changed: every stream head it recorded must still be
 * there with the same hash, on an unbroken chain (appends after it are fine). Because each hash covers the
 * previous one, an unchanged head hash vouches for every event before it.
 */
export async function compareWithDigest(store: EventStore, earlier: StoreDigest, onProgress?: Progress): Promise<DigestComparison> {
  if (digestOf(earlier.heads) !== earlier.digest) {
    throw new Error('the digest file is inconsistent: its heads do not hash to its digest');
  }
  const now = await verifyStore(store, onProgress, earlier.heads);
  const changed: DigestComparison['changed'][number][] = [];
  for (const [streamId, head] of Object.entries(earlier.heads)) {
    const check = now.checks.get(streamId);
    const broken = check?.firstBreak;
    if (!check) changed.push({ streamId, revision: 0, reason: 'missing-stream' });
    else if (broken && broken.revision <= head.revision) changed.push({ streamId, revision: broken.revision, reason: 'chain-broken' });
    else if (check.head.revision < head.revision) changed.push({ streamId, revision: check.head.revision + 1, reason: 'missing-event' });
    else if (check.hashAtWatchedRevision !== head.hash) changed.push({ streamId, revision: head.revision, reason: 'head-changed' });
  }
  return { valid: changed.length === 0, changed };
}
