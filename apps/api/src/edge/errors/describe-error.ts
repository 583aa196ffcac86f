/** A failure as one log line's tail: the stack when there is one (a bug), else the message (an outage). */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
