import { RecordedEvent } from '../event-store.port';
import { eventHash, GENESIS_HASH } from '../hash-chain';

export type BreakReason = 'hash-mismatch' | 'prev-hash-mismatch' | 'revision-gap' | 'missing-hash';

export interface IntegrityBreak {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
  readonly reason: BreakReason;
}

/** The running check of one stream's chain: feed events in revision order, ask for the first break. */
export class StreamChainCheck {
  private nextRevision = 0;
  private headHash = GENESIS_HASH;
  private broken?: IntegrityBreak;
  private count = 0;
  private watchedHash?: string;

  /** `watchRevision`: remember the stored hash at that revision (to compare with an earlier digest). */
  constructor(readonly streamId: string, private readonly watchRevision?: number) {}

  get hashAtWatchedRevision(): string | undefined {
    return this.watchedHash;
  }

  /** Hash of the last event seen (the stream head), as stored. */
  get head(): { revision: number; hash: string } {
    return { revision: this.nextRevision - 1, hash: this.headHash };
  }

  get events(): number {
    return this.count;
  }

  get firstBreak(): IntegrityBreak | undefined {
    return this.broken;
  }

  add(event: RecordedEvent): void {
    this.count += 1;
    const reason = this.check(event);
    if (reason && !this.broken) this.broken = { streamId: this.streamId, revision: event.revision, position: event.position, reason };
    if (event.revision === this.watchRevision) this.watchedHash = event.metadata.hash;
    this.nextRevision = event.revision + 1;
    this.headHash = event.metadata.hash ?? '';
  }

  private check(event: RecordedEvent): BreakReason | undefined {
    if (event.revision !== this.nextRevision) return 'revision-gap';
    const { hash, prevHash } = event.metadata;
    if (typeof hash !== 'string' || typeof prevHash !== 'string') return 'missing-hash';
    if (prevHash !== this.headHash) return 'prev-hash-mismatch';
    if (eventHash(prevHash, event) !== hash) return 'hash-mismatch';
    return undefined;
  }
}

export interface StreamIntegrity {
  readonly valid: boolean;
  readonly events: number;
  readonly brokenAt?: IntegrityBreak;
}

/** Recomputes a stream's hash chain from its stored (not upcast) events and reports the first broken event. */
export function verifyStream(streamId: string, events: readonly RecordedEvent[]): StreamIntegrity {
  const check = new StreamChainCheck(streamId);
  events.forEach((e) => check.add(e));
  const brokenAt = check.firstBreak;
  return { valid: !brokenAt, events: check.events, ...(brokenAt ? { brokenAt } : {}) };
}
