import { DomainError } from '@hazard/domain';
import { DateTime, Info } from 'luxon';

export type PeriodKind = 'year' | 'quarter' | 'month';

/** A statistics period: [from, to) between local midnights of `timeZone`, as ISO strings with its offset. */
export interface StatisticsPeriod {
  /** As asked: `2026`, `2026Q1`, `2026-03`. */
  readonly period: string;
  readonly kind: PeriodKind;
  readonly timeZone: string;
  readonly from: string;
  readonly to: string;
  /** zh-CN, as the 统计分析表 names it: 2026年度, 2026年第一季度, 2026年3月. */
  readonly label: string;
}

export const PERIOD_PATTERN = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** A period that is not `YYYY`, `YYYYQn` or `YYYY-MM` (HTTP 400, naming `period`). */
export class PeriodError extends DomainError {
  readonly code = 'REPORT.INVALID_PERIOD';
  override readonly details: { field: 'period'; value: string };
  constructor(value: string) {
    super(`period must be YYYY, YYYYQ1–YYYYQ4 or YYYY-MM, got ${JSON.stringify(value)}`);
    this.details = { field: 'period', value };
  }
}

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** Parses `2026`, `2026Q1` or `2026-03` into its bounds in `timeZone` (an IANA name such as Asia/Shanghai). */
export function parsePeriod(text: string, timeZone: string): StatisticsPeriod {
  if (!PERIOD_PATTERN.test(text)) throw new PeriodError(text);
  if (!Info.isValidIANAZone(timeZone)) throw new RangeError(`unknown time zone ${timeZone}`);
  const year = Number(text.slice(0, 4));
  const { kind, firstMonth, months } = shapeOf(text);
  const start = DateTime.fromObject({ year, month: firstMonth, day: 1 }, { zone: timeZone });
  const end = start.plus({ months });
  return { period: text, kind, timeZone, from: zonedIso(start), to: zonedIso(end), label: periodLabel(text) };
}

/** 2026年度, 2026年第一季度, 2026年3月. */
export function periodLabel(period: string): string {
  if (!PERIOD_PATTERN.test(period)) throw new PeriodError(period);
  const year = period.slice(0, 4);
  const { kind, firstMonth } = shapeOf(period);
  if (kind === 'year') return `${year}年度`;
  if (kind === 'quarter') return `${year}年第${QUARTER_NAMES[(firstMonth - 1) / 3]}季度`;
  return `${year}年${firstMonth}月`;
}

/** end = min(to, now), written in the period's zone: the instant "at end" figures are taken at. */
export function periodEnd(period: Pick<StatisticsPeriod, 'to' | 'timeZone'>, now: string): string {
  const nowMs = Date.parse(now);
  if (!(nowMs < Date.parse(period.to))) return period.to;
  return zonedIso(DateTime.fromMillis(nowMs, { zone: period.timeZone }));
}

/** A period has begun once `now` reaches `from` (a report of a period not begun is refused). */
export function periodHasBegun(period: Pick<StatisticsPeriod, 'from'>, now: string): boolean {
  return Date.parse(now) >= Date.parse(period.from);
}

/** A period has ended once `now` reaches `to` (only ended periods may be filed). */
export function periodHasEnded(period: Pick<StatisticsPeriod, 'to'>, now: string): boolean {
  return Date.parse(now) >= Date.parse(period.to);
}

function shapeOf(text: string): { kind: PeriodKind; firstMonth: number; months: number } {
  if (text.length === 4) return { kind: 'year', firstMonth: 1, months: 12 };
  if (text[4] === 'Q') return { kind: 'quarter', firstMonth: (Number(text[5]) - 1) * 3 + 1, months: 3 };
  return { kind: 'month', firstMonth: Number(text.slice(5, 7)), months: 1 };
}

/** `2026-01-01T00:00:00+08:00`: always a numeric offset (also +00:00 for UTC), milliseconds only when not 0. */
function zonedIso(at: DateTime): string {
  return at.toFormat(at.millisecond === 0 ? "yyyy-MM-dd'T'HH:mm:ssZZ" : "yyyy-MM-dd'T'HH:mm:ss.SSSZZ");
}
