const TICK = Symbol('tick');

/**
 * Groups an async iterable into arrays of what is ready now (up to `max`): a catch-up yields full batches,
 * a live event is yielded alone within one turn of the event loop. Each batch then costs one checkpoint
 * write, not one per event.
 */
export async function* inBatches<T>(source: AsyncIterable<T>, max: number): AsyncGenerator<T[], void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    let pending = iterator.next();
    for (;;) {
      const first = await pending;
      if (first.done) return;
      const batch = [first.value];
      pending = iterator.next();
      while (batch.length < max) {
        const next = await Promise.race([pending, new Promise<typeof TICK>((resolve) => setImmediate(resolve, TICK))]);
        if (next === TICK) break;
        if (next.done) {
          yield batch;
          return;
        }
        batch.push(next.value);
        pending = iterator.next();
      }
      yield batch;
    }
  } finally {
    // Not awaited: a `next()` may still be pending (a live subscription waiting for appends), and the
    // source's return() is only processed once it settles. The caller ends the source with its signal.
    void iterator.return?.()?.catch(() => undefined);
  }
}
