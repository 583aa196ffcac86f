import { Logger } from '@nestjs/common';

/** Resolves after `ms`, or at once when `signal` aborts: loops stop promptly on app close. */
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
 * Runs a long-lived loop until `signal` aborts. A failure (store unavailable, a busy database) is logged and
 * the loop starts again from its checkpoint after `retryMs`, so a process manager outlives a bad moment
 * instead of silently stopping.
 */
export async function keepRunning(name: string, loop: () => Promise<void>, signal: AbortSignal, logger: Logger, retryMs = 1000): Promise<void> {
  while (!signal.aborted) {
    try {
      await loop();
    } catch (error) {
      if (signal.aborted) return;
      logger.error(`${name} failed, restarting from its checkpoint in ${retryMs} ms: ${describe(error)}`);
    }
    await pause(retryMs, signal);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
