import type { Database } from 'better-sqlite3';
import { ReadScope } from '@hazard/domain';
import { readCheckpoint } from '@hazard/event-store';
import { LIVE_TABLES, READ_MODELS_CONSUMER } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';
import { DashboardFilter, filteredScope } from './dashboard-filter-sql';
import { TrendBucket } from './dashboard-period';
import { inSnapshot } from './read-model-sql';
import { READS_ALL, whereAll } from './read-scope-sql';

export interface TrendMonth {
  /** `YYYY-MM` in TIME_ZONE. */
  readonly month: string;
  /** Cycles opened in the month: the 统计分析表's 排查隐患 (a finding, a finding again after verification, a reopening). */
  readonly found: number;
  /** Cycles whose first passed verification (HazardVerified) falls in the month: the 统计分析表's 已整改 (一般 + 重大). */
  readonly rectified: number;
}

export interface DashboardTrend {
  readonly months: TrendMonth[];
  /** The read-model position the months stand at. */
  readonly position: number;
}

/**
 * One row per rectification cycle: when it opened and when it was first verified, read from the statistics facts
 * the period reports are computed from (cycle-facts.ts), so a month here is the same month there. jsonb_each parses
 * each hazard's JSON once and hands the cycles and facts on as JSONB, which halves the time over json_each.
 */
const CYCLE_TIMES = `
  SELECT c.value ->> '$.opened.at' AS found_at,
    (SELECT f.value ->> '$.at' FROM jsonb_each(c.value, '$.facts') AS f WHERE f.value ->> '$.type' = 'HazardVerified' ORDER BY f.key LIMIT 1) AS verified_at
  FROM ${LIVE_TABLES.facts} AS x, jsonb_each(x.facts, '$.cycles') AS c`;

/** Per connection, the last answers by question: every wall display asking at the same position shares one reading. */
const answers = new WeakMap<Database, Map<string, DashboardTrend>>();
const KEPT_ANSWERS = 32;

/**
 * Found and rectified per month of `buckets` (consecutive, in order), over the hazards `scope` may read and the
 * filter's sector and region keep (its found period is the buckets' business, not the filter's). Reading every
 * hazard's facts costs about 0.35 s per 100k hazards, so an answer is kept until the read models move on.
 */
export function dashboardTrend(db: Database, buckets: readonly TrendBucket[], scope: ReadScope = READS_ALL, filter: Omit<DashboardFilter, 'found'> = {}): DashboardTrend {
  const scoped = filteredScope(scope, { sector: filter.sector, regionCode: filter.regionCode }, 'x');
  const sql = `${CYCLE_TIMES} ${whereAll([scoped.sql])}`;
  const key = JSON.stringify([sql, scoped.params, buckets]);
  let kept = answers.get(db);
  if (!kept) answers.set(db, (kept = new Map()));
  const known = kept.get(key);
  if (known && known.position === readCheckpoint(db, READ_MODELS_CONSUMER)) return known;
  const { result, position } = inSnapshot(db, () => statement(db, sql).all(scoped.params) as { found_at: string | null; verified_at: string | null }[]);
  const found = buckets.map(() => 0);
  const rectified = buckets.map(() => 0);
  for (const cycle of result) {
    const f = bucketOf(buckets, cycle.found_at);
    if (f >= 0) found[f]! += 1;
    const r = bucketOf(buckets, cycle.verified_at);
    if (r >= 0) rectified[r]! += 1;
  }
  const answer = { months: buckets.map((b, i) => ({ month: b.month, found: found[i]!, rectified: rectified[i]! })), position };
  kept.delete(key);
  kept.set(key, answer);
  if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value!);
  return answer;
}

/** The bucket an instant falls in (binary search), or -1 outside them all. */
function bucketOf(buckets: readonly TrendBucket[], at: string | null): number {
  if (at === null) return -1;
  const ms = Date.parse(at);
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const b = buckets[mid]!;
    if (ms < b.fromMs) high = mid - 1;
    else if (ms >= b.toMs) low = mid + 1;
    else return mid;
  }
  return -1;
}
