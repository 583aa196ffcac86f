import { ANY, NO_STREAM as ESDB_NO_STREAM, type AppendExpectedRevision, type CurrentRevision } from '@eventstore/db-client';
import { NO_STREAM, type ExpectedRevision } from '../event-store.port';
import { toSafeNumber } from './position-codec';

/**
 * Our convention (revision of the last event, -1 for no stream) is EventStoreDB's own, spelled differently:
 * -1 is `NO_STREAM`, a revision `n` is `BigInt(n)` ("the last event is number n"), `'any'` is `ANY`.
 */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < NO_STREAM) {
    throw new RangeError(`expectedRevision must be 'any' or an integer >= -1, got ${String(expected)}`);
  }
  return expected === NO_STREAM ? ESDB_NO_STREAM : BigInt(expected);
}

/** The stream's revision as the client reports it (`'no_stream'` or the last event number) in our convention. */
export function fromEsdbRevision(current: CurrentRevision): number {
  return current === ESDB_NO_STREAM ? NO_STREAM : toSafeNumber(current, 'stream revision');
}
