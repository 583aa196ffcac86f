import type { Database } from 'better-sqlite3';
import { renderNotice } from '@hazard/domain';
import { nextStep, RetryPolicy } from './delivery-policy';
import { claimRow, dueRows, keepOutcome, nextDueAt, Outcome, OutboxRow, removeRow, rescheduleRow } from './notification-outbox';
import { OutcomeRecorder } from './notice-outcome-recorder';
import { DeliveryResult, Notifier, retryable } from './notifier.port';

export interface DeliveryLoopOptions extends RetryPolicy {
  /** NOTIFY_TIMEOUT_MS: one try's bound; a claimed row's lease is this plus LEASE_MARGIN_MS. */
  readonly timeoutMs: number;
  /** TIME_ZONE, for the times in the notices' text. */
  readonly timeZone: string;
  /** Rows tried at once. */
  readonly concurrency?: number;
  /** Longest sleep with nothing due: rows another process queued or whose lease ran out are seen this soon. */
  readonly pollMs?: number;
  /** Wall-clock ms: backoff is about the receiver's recovery, not the ledger's (possibly fake) CLOCK. */
  readonly nowMs?: () => number;
  readonly onError: (message: string, error: unknown) => void;
}

/** Time for recording the outcome after a try, on top of the try's own timeout. */
export const LEASE_MARGIN_MS = 5000;

/**
 * The send half of the delivery worker: takes due outbox rows, sends each through the Notifier and records the
 * outcome on the notice stream, or reschedules after NOTIFY_RETRY_BASE_MS × 2^(n−1). At-least-once: a try cut
 * short (crash, lost answer) is repeated with the same dedupeKey; the stream keeps one outcome per key.
 */
export class DeliveryLoop {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private woken = false;
  private wakeUp: () => void = () => undefined;
  private readonly nowMs: () => number;

  constructor(
    private readonly db: Database,
    private readonly notifier: Notifier,
    private readonly recorder: OutcomeRecorder,
    private readonly options: DeliveryLoopOptions,
  ) {
    this.nowMs = options.nowMs ?? Date.now;
  }

  start(): void {
    this.running = this.loop(this.stopping.signal);
  }

  /** New rows were queued: look now instead of at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp();
  }

  /** Stops taking rows and waits for the tries in flight, at most their timeout and the recording margin. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wakeUp();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.options.timeoutMs + LEASE_MARGIN_MS)));
    await Promise.race([this.running, bound]);
    clearTimeout(timer);
  }

  /** One round: every row due now (up to the concurrency), tried at once. Resolves with how many were due. */
  async runOnce(): Promise<number> {
    this.woken = false;
    const rows = dueRows(this.db, this.nowMs(), this.options.concurrency ?? 8);
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
  }

  private async loop(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let due = 0;
      try {
        due = await this.runOnce();
      } catch (error) {
        this.options.onError('notification delivery round failed', error);
      }
      if (due === 0 && !signal.aborted) await this.sleep(signal);
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    try {
      if (!claimRow(this.db, row, this.nowMs() + this.options.timeoutMs + LEASE_MARGIN_MS)) return;
      if (row.outcome) return await this.settle(row, row.outcome);
      if (await this.recorder.isSettled(row)) return removeRow(this.db, row.dedupeKey);
      const step = nextStep(await this.tryOnce(row), row.attempts, this.options);
      if (step.kind === 'retry') return rescheduleRow(this.db, row.dedupeKey, step.attempts, this.nowMs() + step.delayMs, step.error);
      const outcome: Outcome = step.kind === 'record-delivered' ? { kind: 'delivered', attempts: step.attempts } : { kind: 'failed', attempts: step.attempts, error: step.error };
      keepOutcome(this.db, row.dedupeKey, outcome);
      await this.settle(row, outcome);
    } catch (error) {
      // Store or database unavailable: the row keeps its lease and is taken again when the lease runs out.
      this.options.onError(`notification ${row.dedupeKey} not settled, retrying after its lease`, error);
    }
  }

  private async tryOnce(row: OutboxRow): Promise<DeliveryResult> {
    const { subject, text } = renderNotice(row.request, { timeZone: this.options.timeZone });
    try {
      return await this.notifier.send({ hazardId: row.hazardId, request: row.request, subject, text });
    } catch (error) {
      return retryable(`NOTIFIER: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async settle(row: OutboxRow, outcome: Outcome): Promise<void> {
    await this.recorder.record(row, outcome);
    removeRow(this.db, row.dedupeKey);
  }

  /** Until the next row falls due, a wake-up, the poll interval or the stop, whichever comes first. */
  private sleep(signal: AbortSignal): Promise<void> {
    if (this.woken) return Promise.resolve();
    const next = nextDueAt(this.db);
    const pollMs = this.options.pollMs ?? 1000;
    const ms = next === undefined ? pollMs : Math.min(Math.max(next - this.nowMs(), 0), pollMs);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeUp = () => undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.wakeUp = done;
    });
  }
}
