import { within, type EsdbClient } from './esdb-client';

interface Entry {
  readonly client: EsdbClient;
  readonly closeChannels: () => void;
  busy: number;
  retired: boolean;
}

/** A client lent to one call or subscription; `release` when done with it. */
export interface Lease {
  readonly client: EsdbClient;
  release(): void;
}

/**
 * Holds the adapter's client, and replaces it when it can no longer append.
 *
 * `@eventstore/db-client` 6.x caches its server-features check (`GetSupportedMethods`, which every append
 * awaits to choose between Append and BatchAppend) as a promise, and forgets a failed one only after an
 * UNAVAILABLE, CANCELLED or NOT_LEADER error on the current channel. A failed cluster discovery, or a
 * DEADLINE_EXCEEDED during an election, leaves the rejected promise in place: every later append of that
 * client fails, while reads (which never consult it) go on working. The cache is a private field, so the way
 * out is a fresh client; the retired one keeps serving the calls and subscriptions it has, and is disposed —
 * channel included — when the last of them ends.
 */
export class ClientSlot {
  private current: Entry;
  private readonly entries = new Set<Entry>();

  constructor(private readonly create: () => EsdbClient) {
    this.current = this.open();
  }

  lease(): Lease {
    const entry = this.current;
    entry.busy += 1;
    let released = false;
    return {
      client: entry.client,
      release: () => {
        if (released) return;
        released = true;
        entry.busy -= 1;
        if (entry.retired && entry.busy === 0) void this.dispose(entry);
      },
    };
  }

  /**
   * A client whose server-features check (which each append awaits) has succeeded. A failed check stays
   * cached in the client for good, so the client is replaced and the check tried once more on the fresh
   * one; nothing was sent yet, so the retry cannot write twice.
   */
  async appendable(deadlineMs: number): Promise<Lease> {
    for (let attempt = 1; ; attempt += 1) {
      const lease = this.lease();
      const features = serverFeaturesOf(lease.client);
      if (!features) return lease;
      try {
        await within(features, deadlineMs, 'the server-features check');
        return lease;
      } catch (error) {
        lease.release();
        this.replace(lease.client);
        if (attempt === 2) throw error;
      }
    }
  }

  /** Puts a fresh client in place of `client`, unless another call already did. */
  replace(client: EsdbClient): void {
    if (this.current.client !== client) return;
    const old = this.current;
    old.retired = true;
    this.current = this.open();
    if (old.busy === 0) void this.dispose(old);
  }

  /** Disposes every client and closes its gRPC channel (the client's own `dispose` leaves the channel open). */
  async disposeAll(): Promise<void> {
    await Promise.allSettled([...this.entries].map((entry) => this.dispose(entry)));
  }

  private open(): Entry {
    const client = this.create();
    const entry: Entry = { client, closeChannels: trackChannels(client), busy: 0, retired: false };
    this.entries.add(entry);
    return entry;
  }

  private async dispose(entry: Entry): Promise<void> {
    if (!this.entries.delete(entry)) return;
    try {
      await entry.client.dispose();
    } finally {
      entry.closeChannels();
    }
  }
}

/** The client's server-features promise (`undefined` for a stand-in client that has none). */
export function serverFeaturesOf(client: EsdbClient): Promise<unknown> | undefined {
  return (client as unknown as { capabilities?: Promise<unknown> }).capabilities;
}

/**
 * Records each gRPC channel the client opens, so they can be closed: `dispose()` cancels the client's calls
 * but never closes its channel, which keeps a socket (and the process) alive. The client builds channels in
 * its own `createChannel` property; wrapping it is the one hook it offers. A client without it (a stand-in)
 * has nothing to close.
 */
function trackChannels(client: EsdbClient): () => void {
  const channels: Array<{ close(): void }> = [];
  const target = client as unknown as { createChannel?: () => Promise<{ close(): void }> };
  const createChannel = target.createChannel;
  if (typeof createChannel !== 'function') return () => undefined;
  target.createChannel = async () => {
    const channel = await createChannel();
    channels.push(channel);
    return channel;
  };
  return () => {
    for (const channel of channels.splice(0)) channel.close();
  };
}
