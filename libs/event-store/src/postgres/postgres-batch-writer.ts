import type { Pool } from 'pg';
import { WrongExpectedRevisionError } from '../errors';
import type { AppendOutcome, AppendRequest } from '../group-commit/append-batch';
import { DuplicateEventIdError } from '../sqlite/duplicate-event-id.error';

export type { AppendOutcome, AppendRequest, SerializedEvent } from '../group-commit/append-batch';

interface OutcomeRow {
  readonly out_outcome: 'ok' | 'wrong_revision' | 'duplicate_id';
  readonly out_revision: string | null;
  readonly out_position: string | null;
}

/**
 * Sends a whole batch to `event_log_append` (postgres-schema.ts) as one statement — its own transaction,
 * answered only after COMMIT — flattened into parallel arrays so no JSON is re-encoded on the way. Rejects
 * only when the statement fails; every append of the batch then shares that fate.
 */
export async function writeBatch(pool: Pool, requests: readonly AppendRequest[], recordedAt: Date | null): Promise<AppendOutcome[]> {
  const events = requests.flatMap((request) => request.events);
  const { rows } = await pool.query<OutcomeRow>('SELECT * FROM event_log_append($1, $2, $3, $4, $5, $6, $7, $8)', [
    requests.map((request) => request.streamId),
    requests.map((request) => (request.expectedRevision === 'any' ? null : request.expectedRevision)),
    requests.map((request) => request.events.length),
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => event.data),
    events.map((event) => event.metadata),
    recordedAt,
  ]);
  if (rows.length !== requests.length) throw new Error(`event_log_append answered ${rows.length} rows for ${requests.length} appends`);
  return rows.map((row, index) => outcomeOf(row, requests[index] as AppendRequest));
}

function outcomeOf(row: OutcomeRow, request: AppendRequest): AppendOutcome {
  switch (row.out_outcome) {
    case 'ok':
      return { ok: true, result: { nextExpectedRevision: Number(row.out_revision), position: Number(row.out_position) } };
    case 'wrong_revision':
      return { ok: false, error: new WrongExpectedRevisionError(request.streamId, request.expectedRevision, Number(row.out_revision)) };
    case 'duplicate_id':
      return { ok: false, error: new DuplicateEventIdError(request.events[0]?.id ?? '', request.streamId) };
  }
}
