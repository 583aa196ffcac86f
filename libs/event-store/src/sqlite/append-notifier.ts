/**
 * Wakes subscriptions of this process as soon as an append commits, so they need not wait for the next
 * poll. A version counter closes the gap between "read the last page" and "start waiting": a waiter that
 * passes the version it read under returns at once if something was committed in between.
 */
export class AppendNotifier {
  private version = 0;
  private closed = false;
  private readonly waiters = new Set<() => void>();

  get currentVersion(): number {
    return this.version;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  notify(): void {
    this.version += 1;
    this.wakeAll();
  }

  close(): void {
    this.closed = true;
    this.wakeAll();
  }

  /** Resolves on the next append, after `timeoutMs` (the poll for other processes), on abort or on close. */
  wait(sinceVersion: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.version !== sinceVersion || this.closed || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
