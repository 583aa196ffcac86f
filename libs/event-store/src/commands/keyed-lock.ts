/**
 * Serialises work per key inside this process. Commands on one hazard queue behind each other instead of
 * racing to the store and retrying; commands on different hazards still run (and group-commit) together.
 * Writers in other processes are still caught by the store's expected-revision check.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await result;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
