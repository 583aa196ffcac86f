import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import type { EventToAppend, RecordedEvent } from '../event-store.port';

/** The stream holding the log's id: one event, written once. Not a `$` stream, so no admin rights are needed. */
export const IDENTITY_STREAM = 'ledger-identity';
/** A `$` type, so `$all` readers and subscriptions skip it as a system event: it is no event of the domain. */
export const IDENTITY_EVENT_TYPE = '$ledger-identity';

export interface IdentityStreamAccess {
  readFirst(streamId: string): Promise<RecordedEvent | undefined>;
  create(streamId: string, event: EventToAppend): Promise<unknown>;
}

/**
 * The id of a cluster's log: the id of the first event of `ledger-identity`, written with expected revision
 * "no stream" by whichever process asks first (a racing second one is refused and reads the winner's).
 *
 * Why not the first event of `$all`: on a fresh database that is a system record ($epoch, projection or
 * stats bookkeeping), some of which carry `$maxAge` and go at the next scavenge — the id would change under a
 * live deployment. The stream is replicated like any other and survives restores of the database, and a new
 * cluster (a different log, whose positions mean nothing to old checkpoints) gets a new one.
 */
export class LogIdentity {
  private known?: Promise<string>;

  resolve(access: IdentityStreamAccess): Promise<string> {
    this.known ??= this.readOrCreate(access).catch((error: unknown) => {
      this.known = undefined; // an outage is not an answer: ask again next time
      throw error;
    });
    return this.known;
  }

  private async readOrCreate(access: IdentityStreamAccess): Promise<string> {
    const existing = await readFirst(access);
    if (existing) return existing.id;
    const id = randomUUID();
    try {
      await access.create(IDENTITY_STREAM, {
        id,
        type: IDENTITY_EVENT_TYPE,
        data: { logId: id },
        metadata: {
          commandId: id,
          correlationId: id,
          causationId: id,
          actor: { userId: 'system', departmentId: 'system', roles: [] },
          occurredAt: new Date().toISOString(),
          schemaVersion: 1,
        },
      });
      return id;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const winner = await readFirst(access);
      if (!winner) throw error;
      return winner.id;
    }
  }
}

async function readFirst(access: IdentityStreamAccess): Promise<RecordedEvent | undefined> {
  try {
    return await access.readFirst(IDENTITY_STREAM);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
}
