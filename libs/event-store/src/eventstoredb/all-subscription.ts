import { StoreUnavailableError } from '../errors';
import type { RecordedEvent, SubscribeOptions } from '../event-store.port';
import { toPortError } from './error-mapping';
import type { EsdbClient } from './esdb-client';
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
 * (a start position names an event), so positions `<= after` are skipped. Aborting the signal or closing the
 * store unsubscribes, and the iteration then simply ends; a lost connection, or the server ending the
 * subscription, ends it with `StoreUnavailableError`, and the consumer resubscribes from its checkpoint.
 */
export async function* subscribeToAll(
  client: EsdbClient,
  { after, signal }: SubscribeOptions,
  open: OpenSubscriptions,
): AsyncGenerator<RecordedEvent, void, undefined> {
  const fromPosition = decodeAfter(after);
  if (signal?.aborted || open.isClosed) return;
  const subscription = client.subscribeToAll({ fromPosition, filter: systemEventFilter() });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    void subscription
      .unsubscribe()
      .catch(() => undefined)
      .finally(() => subscription.destroy?.());
  };
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
    if (!stopped) throw new StoreUnavailableError('EventStoreDB ended the subscription');
  } catch (error) {
    if (stopped) return;
    throw toPortError(error);
  } finally {
    signal?.removeEventListener('abort', stop);
    untrack();
    stop();
  }
}
