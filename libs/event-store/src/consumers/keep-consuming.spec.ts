import { keepConsuming } from './keep-consuming';

describe('keepConsuming', () => {
  it('reports each failure and starts the loop again after the pause, until aborted', async () => {
    const stop = new AbortController();
    const errors: [string, number][] = [];
    let runs = 0;
    await keepConsuming(
      async () => {
        runs += 1;
        if (runs <= 2) throw new Error(`boom ${runs}`);
        stop.abort(); // the third run is the healthy one; the app then shuts down
      },
      { signal: stop.signal, retryMs: 5, onError: (error, attempt) => errors.push([(error as Error).message, attempt]) },
    );
    expect(runs).toBe(3);
    expect(errors).toEqual([['boom 1', 1], ['boom 2', 2]]);
  });

  it('does not report a failure caused by shutting down, and returns at once', async () => {
    const stop = new AbortController();
    const onError = jest.fn();
    const started = Date.now();
    await keepConsuming(
      async () => {
        stop.abort();
        throw new Error('store closed');
      },
      { signal: stop.signal, retryMs: 10_000, onError },
    );
    expect(onError).not.toHaveBeenCalled();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
