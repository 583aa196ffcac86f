import { StoreUnavailableError } from '../errors';
import type { RecordedEvent, SubscribeOptions } from '../event-store.port';
import type { Lease } from './client-slot';
import { toPortError } from './error-mapping';
import { CallDeadlineError } from './esdb-client';
import { toRecordedEvent } from './event-mapping';
import { decodeAfter } from './position-codec';
import { isSystemEvent, systemEventFilter } from './system-events';

/** The subscriptions a store has open, so that closing the store ends them. */
export class OpenSubscriptions {
  private readonly stops = new Set<() => void>();
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  track(stop: () => void): () => void {
    this.stops.add(stop);
    return () => this.stops.delete(stop);
  }

  closeAll(): void {
    this.closed = true;
    for (const stop of [...this.stops]) stop();
  }
}

/**
 * `subscribeToAll` from a stored position: the server's catch-up subscription (stored events, then live ones)
 * with the system-event filter applied server-side. EventStoreDB may deliver the event at `after` itself
 * (a start position names an event), so positions `<= after` are skipped.
 *
 * Aborting the signal or closing the store ends the iteration at once: the client's `unsubscribe()` first
 * waits for the call to exist — for as long as discovery takes, if no node answers — so the subscription is
 * destroyed first and unsubscribed in the background, and shutdown never waits on it. A subscription the
 * server has not confirmed within `startDeadlineMs` ends with `StoreUnavailableError`, as does a lost
 * connection or the server ending it; the consumer then resubscribes from its checkpoint.
 */
export async function* subscribeToAll(
  lease: () => Lease,
  { after, signal }: SubscribeOptions,
  open: OpenSubscriptions,
  startDeadlineMs: number,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const fromPosition = decodeAfter(after);
  if (signal?.aborted || open.isClosed) return;
  const { client, release } = lease();
  const subscription = client.subscribeToAll({ fromPosition, filter: systemEventFilter() });
  let stopped = false;
  let failure: unknown;
  const end = () => {
    subscription.destroy?.();
    void subscription.unsubscribe().catch(() => undefined);
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    end();
  };
  const unconfirmed = subscription.once ? setTimeout(() => {
    failure = new CallDeadlineError('the subscription to $all', startDeadlineMs);
    end();
  }, startDeadlineMs) : undefined;
  subscription.once?.('confirmation', () => clearTimeout(unconfirmed));
  signal?.addEventListener('abort', stop, { once: true });
  const untrack = open.track(stop);
  try {
    for await (const { event } of subscription) {
      if (stopped) return;
      if (!event || isSystemEvent(event)) continue;
      const recorded = toRecordedEvent(event);
      if (recorded.position > after) yield recorded;
      if (stopped) return;
    }
    if (stopped) return;
    throw failure ?? new StoreUnavailableError('EventStoreDB ended the subscription');
  } catch (error) {
    if (stopped) return;
    throw toPortError(failure ?? error);
  } finally {
    clearTimeout(unconfirmed);
    signal?.removeEventListener('abort', stop);
    untrack();
    if (!stopped) {
      stopped = true;
      end();
    }
    release();
  }
}
