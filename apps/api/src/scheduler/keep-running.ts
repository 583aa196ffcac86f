import { Logger } from '@nestjs/common';
import { keepConsuming } from '@hazard/projections';

export { pause } from '@hazard/projections';

/** The shared restart-from-checkpoint loop of libs/projections, logging each failure under the loop's name. */
export function keepRunning(name: string, loop: () => Promise<void>, signal: AbortSignal, logger: Logger, retryMs = 1000): Promise<void> {
  return keepConsuming(loop, {
    signal,
    retryMs,
    onError: (error) => logger.error(`${name} failed, restarting from its checkpoint in ${retryMs} ms: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
}
