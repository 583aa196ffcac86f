import type { ReadAllOptions, RecordedEvent, SubscribeOptions } from '../event-store.port';
import type { AppendNotifier } from './append-notifier';

const PAGE_SIZE = 500;

export interface SubscriptionSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  readonly notifier: AppendNotifier;
  readonly pollIntervalMs: number;
}

/**
 * Catch-up then live, over nothing but `readAll`: SQLite commits are serialised, so once position p is
 * visible every position below it is too, and "after the last delivered position" can neither skip nor
 * repeat an event. In-process appends wake it at once; polling catches appends from other processes.
 */
export async function* pollSubscription(
  source: SubscriptionSource,
  { after, signal }: SubscribeOptions,
): AsyncGenerator<RecordedEvent, void, undefined> {
  let position = after;
  const stopped = () => signal?.aborted === true || source.notifier.isClosed;
  while (!stopped()) {
    const version = source.notifier.currentVersion;
    const page = await source.readAll({ after: position, maxCount: PAGE_SIZE });
    for (const event of page) {
      if (signal?.aborted) return;
      yield event;
      position = event.position;
    }
    if (page.length < PAGE_SIZE) await source.notifier.wait(version, source.pollIntervalMs, signal);
  }
}
