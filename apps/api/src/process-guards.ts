import { Logger } from '@nestjs/common';
import { CheckpointsFromAnotherLogError } from '@hazard/event-store';

export interface GuardOptions {
  readonly logger?: Pick<Logger, 'warn' | 'error'>;
  readonly exit?: (code: number) => void;
}

/**
 * The last line for errors nobody awaited or caught.
 *
 * One is known and harmless: `@eventstore/db-client` 6.x's BatchAppend keeps one bank of pending appends, an
 * error on the stream rejects and clears it, and a response arriving after that (a reconnect, an election)
 * finds no entry and throws `TypeError: undefined is not iterable` from the stream's `data` listener (fixed in
 * the later KurrentDB client, PR #523, not in 6.x). The append it answered was already rejected with a
 * 503 and is safe to retry, so nothing is lost: it is logged and the process keeps serving.
 *
 * Checkpoints of another event log (CheckpointsFromAnotherLogError) are a configuration error: one line and
 * exit status 2, like a bad setting at start-up. Anything else leaves state nobody can vouch for: it is
 * logged with its stack and the process exits with status 1, so the supervisor restarts it from what is
 * durable — the event store and the checkpoints — the same recovery as after a crash, and no worse.
 */
export function installProcessGuards({ logger = new Logger('Process'), exit = (code) => process.exit(code) }: GuardOptions = {}): void {
  const onFault = (kind: string) => (error: unknown) => {
    if (isKnownLateAppendResponse(error)) {
      logger.warn(`ignored a late BatchAppend response after its stream failed (client 6.x, harmless): ${String(error)}`);
      return;
    }
    if (error instanceof CheckpointsFromAnotherLogError) {
      logger.error(error.message);
      return exit(2);
    }
    logger.error(`${kind}, exiting so the supervisor restarts the process: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exit(1);
  };
  process.on('unhandledRejection', onFault('unhandled rejection'));
  process.on('uncaughtException', onFault('uncaught exception'));
}

/** The client's late-response TypeError, recognised by its message and by being thrown from its batchAppend. */
export function isKnownLateAppendResponse(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /is not iterable|Cannot destructure/.test(error.message) &&
    /@eventstore[\\/]db-client[\\/]dist[\\/]streams[\\/]appendToStream[\\/]batchAppend/.test(error.stack ?? '')
  );
}
