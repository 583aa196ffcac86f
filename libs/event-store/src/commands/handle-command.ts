import type { Decider, DomainMessage } from '@hazard/domain';
import { eventIdFor } from '../event-id';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { Actor, EventMetadata, EventStore, NO_STREAM, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, chainEvents } from '../hash-chain';
import { CachedStream, eventsAfter, StreamStateCache } from './stream-state-cache';

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
  /**
   * States of streams this caller folded before: with one, only the events after the cached revision are
   * read and folded (the cached head is checked against the store first). Holds the state after each append.
   */
  readonly cache?: CommandStateCache<S>;
}

/** A stream as the command path needs it: the folded state, and what the next append and a retry check. */
export interface CommandStreamState<S> extends CachedStream<S> {
  readonly hash: string;
  readonly position: number;
  /** Every commandId in the stream: a command found here is answered from the stream (read whole, then). */
  readonly commandIds: ReadonlySet<string>;
}

export type CommandStateCache<S> = StreamStateCache<CommandStreamState<S>>;

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
  const fold = (from: S, events: readonly RecordedEvent[]) => foldWith(decider, options.decode, from, events);
  for (let attempt = 1; ; attempt++) {
    const current = await readState(store, streamId, fold, decider.initialState(), options.cache);
    if (current?.commandIds.has(envelope.commandId)) {
      const stored = await readStreamOrEmpty(store, streamId);
      const previous = stored.filter((e) => e.metadata.commandId === envelope.commandId);
      return replayOutcome((events) => fold(decider.initialState(), events), stored, previous, previous[previous.length - 1]!);
    }

    const revision = current?.revision ?? -1;
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new RevisionMismatchError(options.expectedRevision, revision);
    }
    const state = current?.state ?? decider.initialState();
    options.authorize?.(command, state);
    const events = decider.decide(command, state);
    // Nothing to record (the command was already satisfied, e.g. a number already drawn): append nothing.
    if (events.length === 0 && current) return { state, events, revision, position: current.position, replayed: false };
    const toAppend = chainEvents(
      current?.hash ?? GENESIS_HASH,
      events.map((e, i) => ({ id: eventIdFor(envelope.commandId, i), type: e.type, data: e.data, metadata: metadataFor(envelope, e, options) })),
    );
    try {
      const result = await store.append(streamId, toAppend, { expectedRevision: revision === -1 ? NO_STREAM : revision });
      const after = events.reduce(decider.evolve, state);
      const last = toAppend[toAppend.length - 1];
      if (last) {
        options.cache?.set(streamId, {
          revision: result.nextExpectedRevision,
          headId: last.id,
          state: after,
          hash: last.metadata.hash ?? GENESIS_HASH,
          position: result.position,
          commandIds: withCommand(current?.commandIds, envelope.commandId),
        });
      }
      return { state: after, events, revision: result.nextExpectedRevision, position: result.position, replayed: false };
    } catch (error) {
      options.cache?.delete(streamId);
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.expectedRevision !== undefined) throw new RevisionMismatchError(options.expectedRevision, error.actual);
      if (attempt >= attempts) throw error;
    }
  }
}

/**
 * The stream folded to its head, undefined when it does not exist: from the cache plus the events after it
 * when the cached head is still the store's event at that revision, else the whole stream read again.
 */
async function readState<S>(
  store: EventStore,
  streamId: string,
  fold: (from: S, events: readonly RecordedEvent[]) => S,
  initial: S,
  cache: CommandStateCache<S> | undefined,
): Promise<CommandStreamState<S> | undefined> {
  const cached = cache?.get(streamId);
  const after = cached && (await eventsAfter(store, streamId, cached));
  const base = after ? cached : undefined;
  const events = after ?? (await readStreamOrEmpty(store, streamId));
  const head = events[events.length - 1];
  if (!head) return base;
  let commandIds = base?.commandIds;
  for (const e of events) commandIds = withCommand(commandIds, e.metadata.commandId);
  const state: CommandStreamState<S> = {
    revision: head.revision,
    headId: head.id,
    state: fold(base?.state ?? initial, events),
    hash: head.metadata.hash ?? GENESIS_HASH,
    position: head.position,
    commandIds: commandIds!,
  };
  cache?.set(streamId, state);
  return state;
}

/** The set with one more id. Grown in place: the entry it came from is replaced by the one holding it. */
function withCommand(ids: ReadonlySet<string> | undefined, commandId: string): ReadonlySet<string> {
  const set = (ids as Set<string> | undefined) ?? new Set<string>();
  set.add(commandId);
  return set;
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

function foldWith<C, E extends DomainMessage, S>(decider: Decider<C, E, S>, decode: ((e: RecordedEvent) => E | undefined) | undefined, from: S, events: readonly RecordedEvent[]): S {
  let state = from;
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
