import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Database } from 'better-sqlite3';
import { ConsumerRuntime, EventStore, pause } from '@hazard/event-store';
import { AppConfig, Clock } from '@hazard/platform';
import { describeError } from '../../edge/errors/describe-error';
import { CLOCK } from '../../infrastructure/clock.token';
import { APP_CONFIG } from '../../infrastructure/config.module';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { Metrics } from '../../metrics/metrics';
import { PROCESSES_DB, PROCESSES_DEFER_CHECKPOINT_MS } from '../processes-db';
import { deadlineTable, dueDeadlines } from './deadline-table';
import { dueClosureReviews } from './closure-review-table';
import { MarkClosureReviewOverdueCommand } from './mark-closure-review-overdue.command';
import { MarkOverdueCommand } from './mark-overdue.command';
import { MarkTipDeadlineCommand } from './mark-tip-overdue.command';
import { dueTipDeadlines } from './tip-deadline-table';
import { ladderCandidates } from './ladder-scan';
import { EvaluateLadderCommand } from '../notifications/evaluate-ladder.command';

export interface ScanReport {
  readonly at: string;
  readonly due: number;
  /** Deadlines this scan recorded as missed (a replayed command, already recorded by another scan, counts too). */
  readonly recorded: number;
  readonly refused: number;
}

/**
 * The deadline process manager: missed rectification deadlines (MarkOverdue) and closure reviews past their
 * deadline (MarkClosureReviewOverdue). Its knowledge of every open deadline is the `open_deadlines` and
 * `pending_closure_reviews` tables, kept
 * by a checkpointed consumer of the global log, so it survives restarts and needs no timer per hazard;
 * every DEADLINE_SCAN_MS it asks the table what has passed by the CLOCK's now and sends MarkOverdue over
 * the CommandBus. "Exactly one RectificationOverdue per deadline" rests on the decider (ALREADY_OVERDUE)
 * and on deterministic commandIds, not on this instance being the only one: any number of schedulers may
 * share a DATA_DIR and scan at once.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DeadlineScheduler.name);
  private readonly stop = new AbortController();
  private readonly table: ConsumerRuntime;
  private scanning: Promise<void> = Promise.resolve();
  /** Rungs due up to here have been looked at; 0 after a start, so downtime's are looked at once. */
  private ladderScannedTo = 0;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PROCESSES_DB) private readonly db: Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly commands: CommandBus,
    @Optional() private readonly metrics?: Metrics,
  ) {
    this.table = new ConsumerRuntime(store, db, deadlineTable, {
      deferCheckpointMs: PROCESSES_DEFER_CHECKPOINT_MS,
      onError: (error) => this.logger.error(`deadline table failed, restarting from its checkpoint in 1000 ms: ${describeError(error)}`),
    });
  }

  onApplicationBootstrap(): void {
    this.table.start();
    this.scanning = this.scanEvery(this.config.deadlineScanMs, this.stop.signal);
  }

  /** Stops scanning and consuming, waiting for the commands in flight: the store closes after this. */
  async onModuleDestroy(): Promise<void> {
    this.stop.abort();
    await Promise.all([this.table.stop(), this.scanning]);
  }

  /** Global position up to which the deadline table is up to date. */
  checkpoint(): number {
    return this.table.checkpoint();
  }

  /** One scan: MarkOverdue for every deadline passed by now. Safe to run concurrently with any other scan. */
  async scan(): Promise<ScanReport> {
    const now = this.clock.now();
    const deadlines = dueDeadlines(this.db, now).map((d) => new MarkOverdueCommand(d));
    const reviews = dueClosureReviews(this.db, now).map((d) => new MarkClosureReviewOverdueCommand(d));
    const tips = dueTipDeadlines(this.db, now).map((d) => new MarkTipDeadlineCommand(d));
    const outcomes: { kind: string }[] = await Promise.all([...deadlines, ...reviews, ...tips].map((command) => this.commands.execute(command)));
    await this.scanLadder(now);
    const recorded = outcomes.filter((o) => o.kind === 'recorded').length;
    return { at: now.toISOString(), due: outcomes.length, recorded, refused: outcomes.length - recorded };
  }

  /** The notification ladder of every hazard with a rung due since the last scan (every one after a start). */
  private async scanLadder(now: Date): Promise<void> {
    const { beforeDays, escalateAfterDays } = this.config.notify;
    const candidates = ladderCandidates(this.db, this.ladderScannedTo, now.getTime(), beforeDays, escalateAfterDays);
    await Promise.all(candidates.map((c) => this.commands.execute(new EvaluateLadderCommand(c.hazardId, { eventId: c.causeEventId, correlationId: c.correlationId }))));
    this.ladderScannedTo = Math.max(this.ladderScannedTo, now.getTime());
  }

  /** A loop, not setInterval: a slow scan delays the next one instead of overlapping it. */
  private async scanEvery(ms: number, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await pause(ms, signal);
      if (signal.aborted) return;
      try {
        const report = await this.scan();
        this.metrics?.schedulerRuns.inc({ outcome: 'ok' });
        this.metrics?.schedulerCommands.inc({ result: 'recorded' }, report.recorded);
        this.metrics?.schedulerCommands.inc({ result: 'refused' }, report.refused);
      } catch (error) {
        this.metrics?.schedulerRuns.inc({ outcome: 'failed' });
        // Store unavailable or a busy database: the deadlines are still in the table; the next scan retries.
        this.logger.error(`deadline scan failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
