import { BACKWARDS, END } from '@eventstore/db-client';
import { StreamNotFoundError } from '../errors';
import { NO_STREAM } from '../event-store.port';
import { toPortError } from './error-mapping';
import { collect, type EsdbClient } from './esdb-client';
import { toRecordedEvent } from './event-mapping';

/** The revision and position of a stream's last event, read on the leader; `NO_STREAM` and 0 when it does not exist. */
export async function streamHead(client: EsdbClient, streamId: string, deadlineMs: number): Promise<{ revision: number; position: number }> {
  const read = client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1, requiresLeader: true });
  const [last] = await collect(read, deadlineMs, `a read of ${streamId}`).catch((error: unknown) => {
    if (toPortError(error) instanceof StreamNotFoundError) return [];
    throw error;
  });
  return last?.event ? toRecordedEvent(last.event) : { revision: NO_STREAM, position: 0 };
}
