import { EventStoreError } from '../errors';

/**
 * An event id that is already stored somewhere other than where this append's retry would find it: in
 * another stream, or at a revision whose events do not match the append. Event ids derive from the command
 * id, so this means a command id was reused for a different command — a caller bug, not a conflict to retry.
 */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'STORE.DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`event id ${eventId} appended to ${streamId} is already stored for a different append`);
  }
}
