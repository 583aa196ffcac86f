/** Resolves after `ms`, or at once when `signal` aborts, so a stopping app never waits out a retry pause. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs a long-lived consumer loop until `signal` aborts. When the loop fails (store unavailable, database
 * busy, a bug in a projection) `onError` is told and the loop starts again after `retryMs` — from its
 * checkpoint, so nothing is lost or applied twice. A projector therefore never dies silently: it either
 * runs or keeps saying why it cannot.
 */
export async function keepConsuming(
  loop: () => Promise<void>,
  options: { readonly signal: AbortSignal; readonly retryMs: number; readonly onError: (error: unknown, attempt: number) => void },
): Promise<void> {
  let attempt = 0;
  while (!options.signal.aborted) {
    try {
      await loop();
      attempt = 0;
    } catch (error) {
      if (options.signal.aborted) return;
      if ((error as { fatal?: unknown } | null)?.fatal === true) throw error; // a restart cannot fix it
      attempt += 1;
      options.onError(error, attempt);
    }
    await pause(options.retryMs, options.signal);
  }
}
