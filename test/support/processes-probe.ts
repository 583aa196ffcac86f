import { INestApplicationContext } from '@nestjs/common';
import { EventStore } from '@hazard/event-store';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/event-store.provider';
import { DeadlineScheduler, ScanReport } from '../../apps/api/src/processes/deadlines/deadline-scheduler.service';
import { EventBusRelay } from '../../apps/api/src/processes/relay/event-bus-relay.service';

/**
 * Test helpers for the process managers. Tests move a fake clock and then wait — bounded, by polling — for
 * the consumers to catch up; they never sleep for a deadline.
 */
export async function eventually<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what = 'condition', timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Waits until the deadline table and the relay have passed the head of the log and the head stops moving:
 * every saga command has finished and its events have been relayed in turn.
 */
export async function processesSettled(app: INestApplicationContext): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  const scheduler = app.get(DeadlineScheduler);
  const relay = app.get(EventBusRelay);
  for (let head = await store.headPosition(); ; ) {
    const target = head;
    await eventually(() => scheduler.checkpoint() >= target && relay.checkpoint() >= target, `the process managers to reach position ${target}`);
    const now = await store.headPosition();
    if (now === head) return;
    head = now;
  }
}

/** Settles, then runs one scan of this app's scheduler. */
export async function settledScan(app: INestApplicationContext): Promise<ScanReport> {
  await processesSettled(app);
  const report = await app.get(DeadlineScheduler).scan();
  await processesSettled(app);
  return report;
}
