import { Actor } from './actor';
import { Decider, DomainMessage } from './decider';
import { Decoder } from './decoder';

/** Every command of every aggregate: who issues it and the time it is decided at, stamped by the edge. */
export interface StampedCommand {
  readonly type: string;
  readonly actor: Actor;
  readonly now: string;
  /** The command's id (Idempotency-Key or the system's deterministic one): ids the decider derives come from it. */
  readonly commandId?: string;
}

/** A command before the runner stamps `now`, `actor` and `commandId` (distributed over a union of commands). */
export type Unstamped<C extends StampedCommand> = C extends StampedCommand ? Omit<C, 'now' | 'actor' | 'commandId'> : never;

/**
 * Everything the one generic command path needs to know of an aggregate: its decider, its decoder (which
 * names its streams), whose command it is, who may issue it and which schemaVersion each event is written
 * with. A new aggregate is a folder that exports one of these.
 */
export interface Aggregate<C extends StampedCommand, E extends DomainMessage, S> {
  readonly decider: Decider<C, E, S>;
  readonly decoder: Decoder<E>;
  /** The id of the aggregate instance (stream `decoder.streamIdFor(id)`) a command is for. */
  idOf(command: Unstamped<C>): string;
  /** The access policy, on the state the command would apply to; throws a DomainError when it says no. */
  authorize(command: C, state: S): void;
  schemaVersionOf(eventType: string): number;
}
