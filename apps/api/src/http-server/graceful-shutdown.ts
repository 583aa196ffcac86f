import type { INestApplication, LoggerService } from '@nestjs/common';
import type { HttpDrain } from './http-drain';

/** Of the grace, what is kept for stopping the consumers and closing the stores after the HTTP drain. */
const CLOSE_RESERVE_SHARE = 0.3;

/**
 * SIGTERM or SIGINT: drain HTTP (stop accepting, 503 to newcomers, finish the requests in hand — commands
 * included, so their group commit is written), then `app.close()`: the consumers stop after the batch in hand
 * and checkpoint, the stores flush and close. All within `graceMs`; past it the process exits 1 at once.
 * Replaces Nest's enableShutdownHooks, which would close the app — consumers first — while requests still run.
 */
export function stopOnSignals(app: INestApplication, drain: HttpDrain, graceMs: number, logger: LoggerService): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const deadline = setTimeout(() => {
      logger.error(`still stopping ${graceMs} ms after ${signal} (SHUTDOWN_GRACE_MS): exiting now`);
      process.exit(1);
    }, graceMs);
    deadline.unref();
    logger.log(`${signal}: draining ${drain.pending()} requests in hand (grace ${graceMs} ms)`);
    const unanswered = await drain.drain(Math.floor(graceMs * (1 - CLOSE_RESERVE_SHARE)));
    if (unanswered > 0) logger.warn(`${unanswered} requests still unanswered; closing their connections`);
    drain.closeAll();
    try {
      await app.close();
    } catch (error) {
      logger.error(`closing the application failed: ${(error as Error).message}`);
      process.exit(1);
    }
    logger.log(`stopped in ${Date.now() - started} ms`);
    process.exitCode = unanswered > 0 ? 1 : 0;
    // A stray handle must not hold the process past the grace; normally the loop is empty and it exits first.
    setTimeout(() => process.exit(), 200).unref();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void stop(s));
}
