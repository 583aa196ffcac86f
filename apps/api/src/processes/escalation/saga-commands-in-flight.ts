import { Injectable } from '@nestjs/common';

/**
 * The commands sagas have sent and the relay has not yet seen finish. @nestjs/cqrs runs a saga's commands
 * fire-and-forget; the relay needs to know when they are done before it moves its checkpoint.
 *
 * This works because the path is synchronous: EventBus.publish → saga (a plain map) → CommandBus.execute →
 * handler.execute → track() all happen inside publish(). A saga that delays its commands (an async operator,
 * a request-scoped handler) would escape `settled()` and weaken the relay's guarantee to at-most-once.
 */
@Injectable()
export class SagaCommandsInFlight {
  private pending: Promise<unknown>[] = [];

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.push(work);
    return work;
  }

  /**
   * Waits for every command tracked so far; rejects with the first failure after all have settled. Answers
   * how many there were: none means the events published since the last call asked the sagas for nothing.
   */
  async settled(): Promise<number> {
    await new Promise((resolve) => setImmediate(resolve)); // let a dispatch that hops a microtask register
    let count = 0;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      count += batch.length;
      const failed = (await Promise.allSettled(batch)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    return count;
  }
}
