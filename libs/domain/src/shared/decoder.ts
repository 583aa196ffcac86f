import { DomainMessage } from './decider';
import { createUpcaster, StoredShape, Upcaster } from './upcasting';

/**
 * The one place where a stored event of an aggregate's streams becomes one of its domain events (STYLE.md
 * habit 13): it names the aggregate's streams, upcasts old shapes and narrows to the event union. Every
 * reader — the command path, as-of and trail readers, the projector, the relay, process managers — calls it.
 */
export interface Decoder<E extends DomainMessage> {
  /** `hazard-` for the hazard: every stream `<prefix><id>` belongs to the aggregate. */
  readonly streamPrefix: string;
  streamIdFor(id: string): string;
  /** The aggregate id of a stream of this aggregate; undefined for any other stream of the log. */
  idOf(streamId: string): string | undefined;
  /** The stored event with its data brought to the current schemaVersion (metadata says which). */
  upcast<R extends StoredShape>(stored: R): R;
  /**
   * The domain event: upcast, then narrowed. Undefined for a type this aggregate does not know (written by a
   * newer version): folds skip it, as `evolve` would ignore it.
   */
  decode(stored: StoredShape): E | undefined;
}

export interface DecoderDefinition<E extends DomainMessage> {
  readonly streamPrefix: string;
  readonly eventTypes: readonly E['type'][];
  readonly upcasters: readonly Upcaster[];
}

export function createDecoder<E extends DomainMessage>(definition: DecoderDefinition<E>): Decoder<E> {
  const { streamPrefix } = definition;
  const known = new Set<string>(definition.eventTypes);
  const upcast = createUpcaster(definition.upcasters);
  return {
    streamPrefix,
    streamIdFor: (id) => `${streamPrefix}${id}`,
    idOf: (streamId) => (streamId.startsWith(streamPrefix) && streamId.length > streamPrefix.length ? streamId.slice(streamPrefix.length) : undefined),
    upcast,
    decode(stored) {
      if (!known.has(stored.type)) return undefined;
      const current = upcast(stored);
      return { type: current.type, data: current.data } as E;
    },
  };
}

/** Folds stored events into a state through the decoder, skipping types it does not know. */
export function foldStored<E extends DomainMessage, S>(
  decoder: Decoder<E>,
  evolve: (state: S, event: E) => S,
  initial: S,
  stored: readonly StoredShape[],
): S {
  let state = initial;
  for (const s of stored) {
    const event = decoder.decode(s);
    if (event) state = evolve(state, event);
  }
  return state;
}
