import { Injectable } from '@nestjs/common';
import type { CommandObservation } from '@hazard/event-store';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { errorResponseOf } from '../edge/errors/error-response';

/** The event types that are a notification's life: requested by the ladder, then delivered or failed by the worker. */
const NOTIFICATION_OUTCOMES: Readonly<Record<string, string>> = {
  NotificationRequested: 'requested',
  NotificationDelivered: 'delivered',
  NotificationFailed: 'failed',
};

/**
 * Every figure /metrics serves, in one registry per app (never prom-client's global one: tests build many apps
 * in one process). The libs know nothing of it: the command runner and the SQLite store report through plain
 * callbacks (`observeCommand`, `observeGroupCommit`); consumer positions are read at scrape time.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  private readonly commandSeconds = new Histogram({
    name: 'hazard_command_duration_seconds',
    help: 'Commands through the aggregate runner, from the call to the outcome (stream lock wait included)',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly eventsRecorded = new Counter({
    name: 'hazard_events_recorded_total',
    help: 'Events appended by commands of this process, by type',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });

  private readonly notifications = new Counter({
    name: 'hazard_notifications_total',
    help: 'Notifications recorded by this process: requested (ladder), delivered and failed (delivery worker)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly groupCommitSize = new Histogram({
    name: 'hazard_event_store_group_commit_appends',
    help: 'Appends per SQLite write transaction (one fsync each): _sum is appends, _count transactions',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });

  readonly schedulerRuns = new Counter({
    name: 'hazard_scheduler_runs_total',
    help: 'Deadline scans, by outcome (ok | failed)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly schedulerCommands = new Counter({
    name: 'hazard_scheduler_commands_total',
    help: 'Commands the deadline scans sent, by result (recorded | refused)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  private readonly httpSeconds = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly rateLimited = new Counter({
    name: 'http_rate_limited_total',
    help: 'Requests refused with 429 Too Many Requests, by route pattern',
    labelNames: ['route'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The runner's observer (`AggregateCommandRunnerOptions.observer`). */
  readonly observeCommand = (observation: CommandObservation): void => {
    const outcome = observation.error === undefined ? (observation.outcome?.replayed ? 'replayed' : 'recorded') : outcomeOfError(observation.error);
    this.commandSeconds.observe({ command: observation.command, outcome }, observation.seconds);
    for (const type of observation.outcome?.eventTypes ?? []) {
      this.eventsRecorded.inc({ type });
      const notification = NOTIFICATION_OUTCOMES[type];
      if (notification) this.notifications.inc({ outcome: notification });
    }
  };

  /** The SQLite store's observer (`SqliteEventStoreOptions.onGroupCommit`). */
  readonly observeGroupCommit = (appends: number): void => {
    this.groupCommitSize.observe(appends);
  };

  /** One answered request; `route` is the matched pattern (never the URL, which may carry a query token). */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ method, route, status: String(status) });
    this.httpSeconds.observe({ method, route }, seconds);
    if (status === 429) this.rateLimited.inc({ route });
  }

  /** Adds a gauge whose value is read when /metrics is scraped. */
  gauge(name: string, help: string, labelNames: readonly string[], collect: (gauge: Gauge) => Promise<void> | void): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }
}

/** Codes of a lost race with another writer (or a stale If-Match), not a refusal by the rules. */
const CONFLICT_CODES = new Set(['STORE.WRONG_EXPECTED_REVISION', 'STORE.REVISION_MISMATCH']);

/** A refusal by the rules or the input (4xx) is `rejected`, a lost race `conflict`, anything else `failed`. */
function outcomeOfError(error: unknown): string {
  const { statusCode, code } = errorResponseOf(error);
  if (code !== undefined && CONFLICT_CODES.has(code)) return 'conflict';
  return statusCode < 500 ? 'rejected' : 'failed';
}
