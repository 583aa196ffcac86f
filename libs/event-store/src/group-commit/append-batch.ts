import { StoreUnavailableError } from '../errors';
import type { AppendResult, ExpectedRevision } from '../event-store.port';

/** An event ready to be written: JSON serialised before queueing, so a bad payload fails alone. */
export interface SerializedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** One append of a group-commit batch, as both stores' batch writers take it. */
export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly SerializedEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/** Each append of a batch succeeds or fails on its own: a refused append does not fail the others. */
export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: Error };

export interface GroupCommitStats {
  /** Batches written or attempted: each is one transaction and one flush to disk. */
  readonly transactions: number;
  readonly appends: number;
}

export interface PendingAppend {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Settles every append of a batch once it is written: each with its own outcome, or all with the batch's
 * failure (nothing of a failed transaction was stored). The observer hears the batch's size first; its own
 * failure is not the batch's.
 */
export function settleBatch(
  batch: readonly PendingAppend[],
  written: { readonly outcomes: readonly AppendOutcome[] } | { readonly failure: unknown },
  onBatch?: (appends: number) => void,
): void {
  try {
    onBatch?.(batch.length);
  } catch {
    // Metrics only: the promises settle as written.
  }
  if ('failure' in written) {
    for (const pending of batch) pending.reject(written.failure);
    return;
  }
  batch.forEach((pending, index) => {
    const outcome = written.outcomes[index];
    if (outcome?.ok) pending.resolve(outcome.result);
    else pending.reject(outcome?.error ?? new StoreUnavailableError('append lost its outcome'));
  });
}
