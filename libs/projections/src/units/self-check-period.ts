import { SELF_CHECK_PERIOD_PATTERN, SelfCheckWindow } from '@hazard/domain';
import { DateTime } from 'luxon';
import { parsePeriod, PeriodError } from '../statistics/period';

/** A 自查自报 period in TIME_ZONE: [from, to), `lateFrom` and its zh-CN label (2026年3月, 2026年第一季度). */
export interface SelfCheckPeriod extends SelfCheckWindow {
  readonly period: string;
  readonly label: string;
}

/** Days after the period's end during which a report is on time: until the 15th of the next month ends. */
const ON_TIME_DAYS = 15;

/** `2026-03` or `2026Q1` in `timeZone`; a report is late from local midnight after the 15th of the month after it. */
export function selfCheckPeriod(period: string, timeZone: string): SelfCheckPeriod {
  if (!SELF_CHECK_PERIOD_PATTERN.test(period)) throw new PeriodError(period);
  const { from, to, label } = parsePeriod(period, timeZone);
  const lateFrom = DateTime.fromISO(to, { zone: timeZone }).plus({ days: ON_TIME_DAYS });
  return { period, from, to, lateFrom: lateFrom.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"), label };
}

/** The month (`2026-03`) or quarter (`2026Q1`) an instant falls in, in `timeZone`. */
export function selfCheckPeriodOf(at: string, kind: 'month' | 'quarter', timeZone: string): string {
  const local = DateTime.fromISO(at, { setZone: true }).setZone(timeZone);
  return kind === 'month' ? local.toFormat('yyyy-MM') : `${local.year}Q${local.quarter}`;
}

export function periodKindOf(period: string): 'month' | 'quarter' {
  return period.includes('Q') ? 'quarter' : 'month';
}
