/**
 * Groups an async iterable into arrays of what is ready in this turn of the event loop, up to `max`. A
 * catch-up (whole pages already read) yields full batches, so it runs in few large transactions; a live
 * event arrives alone and is yielded at once instead of waiting for company. One timer per batch, not per
 * item: the batch closes when the next macrotask turn comes before the next item does.
 *
 * Ending the loop early (break, throw) asks the source to close; a subscription ends once its signal aborts.
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
      const turnEnded = nextTurn();
      while (batch.length < max) {
        const next = await Promise.race([pending, turnEnded]);
        if (next === TURN_ENDED) break;
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
    // Awaited for one turn at most: a `next()` may still be pending (a live subscription waiting for appends)
    // and the source only processes return() once it settles, so waiting for it would hold a failure until
    // the next append. A source that can close at once has closed; a live one ends with the caller's signal.
    const closing = iterator.return?.()?.catch(() => undefined);
    if (closing) await Promise.race([closing, nextTurn()]);
  }
}

const TURN_ENDED = Symbol('turn-ended');

function nextTurn(): Promise<typeof TURN_ENDED> {
  return new Promise((resolve) => setImmediate(resolve, TURN_ENDED));
}
