import { START, type Position, type ReadPosition } from '@eventstore/db-client';

/**
 * The port has one `number` per event in the global log; EventStoreDB has a `{commit, prepare}` pair of
 * byte offsets into its transaction log.
 *
 * Encoding: `commit`. Every event the gRPC API writes is part of an implicit transaction, and EventStoreDB
 * gives such an event its own log offset as both commit and prepare position, so the commit position alone
 * names one event and orders `$all` (strictly increasing, never 0: the log opens with an epoch record).
 * Legacy explicit transactions (TCP API only) share one commit position between their events; this adapter
 * writes none and its store is not meant to hold any.
 *
 * A JavaScript number is exact up to 2^53 - 1, i.e. 8 PiB of transaction log; beyond that the codec throws
 * rather than hand out a position that no longer orders correctly.
 *
 * Decoding `after`: `{commit: after, prepare: after}` is exactly the position of the event the number came
 * from. EventStoreDB starts a read of `$all` at that event, inclusive, so readers skip positions `<= after`.
 */
export function encodePosition(position: Position): number {
  return toSafeNumber(position.commit, 'commit position');
}

/** Where to start reading `$all` for the events strictly after `after` (the event at `after` itself included). */
export function decodeAfter(after: number): ReadPosition {
  if (!Number.isSafeInteger(after) || after < 0) {
    throw new RangeError(`a global position is a non-negative safe integer, got ${String(after)}`);
  }
  if (after === 0) return START;
  const commit = BigInt(after);
  return { commit, prepare: commit };
}

/** A bigint that must fit a JavaScript number exactly (positions, stream revisions). */
export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB ${what} ${value} does not fit a safe JavaScript integer`);
  }
  return Number(value);
}
