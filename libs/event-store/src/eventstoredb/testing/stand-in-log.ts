/** One event as the stand-in server keeps it: what EventStoreDB's log records for an event written over gRPC. */
export interface StandInEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** Commit = prepare: every gRPC write is an implicit transaction, each event its own log record. */
  readonly position: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server sends `created`. */
  readonly created: bigint;
}

export type ProposedEvent = Pick<StandInEvent, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

/** `'any'`, `'no_stream'`, `'stream_exists'` or the revision the stream's last event must have. */
export type StandInExpected = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type WriteOutcome =
  | { readonly kind: 'written'; readonly revision: bigint; readonly position: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly current: bigint | undefined };

/** Log records before the first event, so that no event sits at position 0 (the real log opens with an epoch). */
const FIRST_POSITION = 1_000n;
/** Distance between consecutive events: positions are byte offsets, never consecutive integers. */
const RECORD_SIZE = 137n;

/**
 * The in-memory log behind the stand-in server: one `$all`, streams as revisions in it, and the server's
 * idempotency rule (a write whose first event id is already the stream's is answered with that earlier
 * write's result and stores nothing), so the adapter's retry semantics can be checked against it.
 */
export class StandInLog {
  readonly events: StandInEvent[] = [];
  private readonly listeners = new Set<(events: readonly StandInEvent[]) => void>();
  private next = FIRST_POSITION;

  constructor(private readonly now: () => Date = () => new Date()) {}

  stream(streamId: string): StandInEvent[] {
    return this.events.filter((event) => event.streamId === streamId);
  }

  write(streamId: string, expected: StandInExpected, proposed: readonly ProposedEvent[]): WriteOutcome {
    const stream = this.stream(streamId);
    const current = stream.at(-1)?.revision;
    const retried = stream.filter((event) => proposed.some((p) => p.id === event.id));
    if (retried.length > 0) {
      const last = retried.at(-1) as StandInEvent;
      return { kind: 'written', revision: last.revision, position: last.position };
    }
    const fits =
      expected === 'any' ||
      (expected === 'no_stream' && current === undefined) ||
      (expected === 'stream_exists' && current !== undefined) ||
      (typeof expected === 'bigint' && current === expected);
    if (!fits) return { kind: 'wrong-expected-version', current };
    const created = BigInt(this.now().getTime()) * 10_000n;
    const written = proposed.map((event, index): StandInEvent => {
      const position = this.next;
      this.next += RECORD_SIZE;
      return { ...event, streamId, revision: (current ?? -1n) + 1n + BigInt(index), position, created };
    });
    this.events.push(...written);
    for (const listener of [...this.listeners]) listener(written);
    const last = written.at(-1) as StandInEvent;
    return { kind: 'written', revision: last.revision, position: last.position };
  }

  /** Told of each write; returns the unsubscribe. */
  listen(listener: (events: readonly StandInEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether `position` is the position of an event (or of the log's start, before the first one). */
  isEventBoundary(position: bigint): boolean {
    return position === 0n || this.events.some((event) => event.position === position);
  }
}
