import { DomainError } from '@hazard/domain';
import { DateTime, Info } from 'luxon';

/** `from` / `to` of the dashboard: a day `2026-03-15` or a whole month `2026-03`, in TIME_ZONE. */
export const DASHBOARD_DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** The trend draws at most ten years of months. */
export const MAX_TREND_MONTHS = 120;

/** Without `from`, the trend shows this many months up to `to` (default: the current month). */
export const DEFAULT_TREND_MONTHS = 12;

/** A from/to that is no day, or ends before it begins (HTTP 400 naming the field). */
export class DashboardPeriodError extends DomainError {
  readonly code = 'DASHBOARD.INVALID_PERIOD';
  override readonly details: { field: 'from' | 'to'; value: string };
  constructor(field: 'from' | 'to', value: string, why: string) {
    super(`${field} ${why}, got ${JSON.stringify(value)}`);
    this.details = { field, value };
  }
}

/** [fromMs, toMs): instants between local midnights of the time zone. */
export interface DashboardPeriod {
  readonly fromMs: number;
  readonly toMs: number;
}

/** One month of the trend: `YYYY-MM` and its part of the period. */
export interface TrendBucket extends DashboardPeriod {
  readonly month: string;
}

/**
 * The period `from`–`to`, both inclusive: from the first instant of `from` (a month begins on its 1st) to the end
 * of `to` (a month ends with its last day), local to `timeZone`. Undefined when neither is given (all time);
 * one alone is open on the other side.
 */
export function dashboardPeriod(from: string | undefined, to: string | undefined, timeZone: string): DashboardPeriod | undefined {
  if (from === undefined && to === undefined) return undefined;
  const fromMs = from === undefined ? Number.MIN_SAFE_INTEGER : startOf('from', from, timeZone).toMillis();
  const toMs = to === undefined ? Number.MAX_SAFE_INTEGER : endOf('to', to, timeZone).toMillis();
  if (toMs <= fromMs) throw beforeFrom(from, to);
  return { fromMs, toMs };
}

/**
 * The trend's months: every month of `timeZone` from `from` to `to` (default: the DEFAULT_TREND_MONTHS months up to
 * the one `now` is in), the first and last cut to the period when it begins or ends inside them.
 */
export function trendBuckets(from: string | undefined, to: string | undefined, timeZone: string, now: Date): TrendBucket[] {
  const end = to === undefined ? DateTime.fromJSDate(now, { zone: timeZone }).startOf('month').plus({ months: 1 }) : endOf('to', to, timeZone);
  const start = from === undefined ? end.minus({ days: 1 }).startOf('month').minus({ months: DEFAULT_TREND_MONTHS - 1 }) : startOf('from', from, timeZone);
  if (end <= start) throw beforeFrom(from, to);
  const buckets: TrendBucket[] = [];
  for (let month = start.startOf('month'); month < end; month = month.plus({ months: 1 })) {
    if (buckets.length === MAX_TREND_MONTHS) throw new DashboardPeriodError('from', from ?? '', `must be at most ${MAX_TREND_MONTHS} months before to`);
    const bucketStart = month < start ? start : month;
    const next = month.plus({ months: 1 });
    buckets.push({ month: month.toFormat('yyyy-MM'), fromMs: bucketStart.toMillis(), toMs: (next < end ? next : end).toMillis() });
  }
  return buckets;
}

/** Without a to, the default end (the current month) is what from passed. */
function beforeFrom(from: string | undefined, to: string | undefined): DashboardPeriodError {
  return to === undefined
    ? new DashboardPeriodError('from', from ?? '', 'must not be after the current month')
    : new DashboardPeriodError('to', to, `must not be before from (${from})`);
}

function startOf(field: 'from' | 'to', text: string, timeZone: string): DateTime {
  if (!Info.isValidIANAZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  const day = DASHBOARD_DATE.test(text) ? DateTime.fromISO(text.length === 7 ? `${text}-01` : text, { zone: timeZone }) : undefined;
  if (!day?.isValid) throw new DashboardPeriodError(field, text, 'must be a day YYYY-MM-DD or a month YYYY-MM');
  return day;
}

/** The first instant after `text`: the next day, or the next month's first. */
function endOf(field: 'from' | 'to', text: string, timeZone: string): DateTime {
  const day = startOf(field, text, timeZone);
  return text.length === 7 ? day.plus({ months: 1 }) : day.plus({ days: 1 });
}
