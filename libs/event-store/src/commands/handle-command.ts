import type { Decider, DomainMessage } from '@hazard/domain';
import { eventIdFor } from '../event-id';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { Actor, EventMetadata, EventStore, NO_STREAM, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, chainEvents } from '../hash-chain';

export type { Decider, DomainMessage } from '@hazard/domain';

/** Who and what caused a command; becomes every resulting event's metadata. */
export interface CommandEnvelope {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  readonly occurredAt: string;
}

export interface HandleCommandOptions<C, E, S> {
  /** If-Match: the revision the client saw. A mismatch is a `RevisionMismatchError`, never retried. */
  readonly expectedRevision?: number;
  /** Attempts when a concurrent writer moved the stream between read and append. */
  readonly maxAttempts?: number;
  /** Runs on the state the command applies to, before `decide` (access policy). */
  readonly authorize?: (command: C, state: S) => void;
  readonly schemaVersionOf?: (eventType: string) => number;
  /**
   * The aggregate's decoder: a stored event as a domain event (upcast, narrowed), undefined for a type the
   * aggregate does not know, which the fold skips. Without one, stored events fold as they are.
   */
  readonly decode?: (event: RecordedEvent) => E | undefined;
}

export interface CommandOutcome<E, S> {
  readonly state: S;
  readonly events: readonly E[];
  /** Revision of the stream after the command. */
  readonly revision: number;
  /** Global position of the command's last event. */
  readonly position: number;
  /** True when this commandId had already been applied: nothing new was appended. */
  readonly replayed: boolean;
}

/** The client's If-Match no longer matches the stream. */
export class RevisionMismatchError extends Error {
  readonly code = 'STORE.REVISION_MISMATCH';
  constructor(readonly expected: number, readonly actual: number) {
    super(`the hazard is at revision ${actual}, If-Match expected ${expected}`);
  }
}

/**
 * read → fold → decide → append, retried on a concurrent write when the caller did not pin a revision.
 * A commandId already in the stream is answered from the stream, so a retried command appends nothing.
 */
export async function handleCommand<C, E extends DomainMessage, S>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S>,
  command: C,
  envelope: CommandEnvelope,
  options: HandleCommandOptions<C, E, S> = {},
): Promise<CommandOutcome<E, S>> {
  const attempts = options.expectedRevision === undefined ? options.maxAttempts ?? 5 : 1;
  for (let attempt = 1; ; attempt++) {
    const stored = await readStreamOrEmpty(store, streamId);
    const fold = (events: readonly RecordedEvent[]) => foldWith(decider, options.decode, events);
    const previous = stored.filter((e) => e.metadata.commandId === envelope.commandId);
    const last = previous[previous.length - 1];
    if (last) return replayOutcome(fold, stored, previous, last);

    const revision = stored.length - 1;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new RevisionMismatchError(options.expectedRevision, revision);
    }
    const state = fold(stored);
    options.authorize?.(command, state);
    const events = decider.decide(command, state);
    // Nothing to record (the command was already satisfied, e.g. a number already drawn): append nothing.
    const head = stored[stored.length - 1];
    if (events.length === 0 && head) return { state, events, revision, position: head.position, replayed: false };
    const headHash = stored[stored.length - 1]?.metadata.hash ?? GENESIS_HASH;
    const toAppend = chainEvents(
      headHash,
      events.map((e, i) => ({ id: eventIdFor(envelope.commandId, i), type: e.type, data: e.data, metadata: metadataFor(envelope, e, options) })),
    );
    try {
      const result = await store.append(streamId, toAppend, { expectedRevision: revision === -1 ? NO_STREAM : revision });
      return {
        state: events.reduce(decider.evolve, state),
        events,
        revision: result.nextExpectedRevision,
        position: result.position,
        replayed: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.expectedRevision !== undefined) throw new RevisionMismatchError(options.expectedRevision, error.actual);
      if (attempt >= attempts) throw error;
    }
  }
}

/** A stream's events, or none when the stream does not exist yet (every other error propagates). */
export async function readStreamOrEmpty(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

function metadataFor<C, E, S>(envelope: CommandEnvelope, event: DomainMessage, options: HandleCommandOptions<C, E, S>): EventMetadata {
  return { ...envelope, schemaVersion: options.schemaVersionOf?.(event.type) ?? 1 };
}

function foldWith<C, E extends DomainMessage, S>(decider: Decider<C, E, S>, decode: ((e: RecordedEvent) => E | undefined) | undefined, events: readonly RecordedEvent[]): S {
  let state = decider.initialState();
  for (const stored of events) {
    const event = decode ? decode(stored) : (stored as unknown as E);
    if (event) state = decider.evolve(state, event);
  }
  return state;
}

function replayOutcome<E, S>(
  fold: (events: readonly RecordedEvent[]) => S,
  stored: RecordedEvent[],
  previous: RecordedEvent[],
  last: RecordedEvent,
): CommandOutcome<E, S> {
  return {
    state: fold(stored.slice(0, last.revision + 1)),
    events: previous as unknown as E[],
    revision: last.revision,
    position: last.position,
    replayed: true,
  };
}
