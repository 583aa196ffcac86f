import type { Database } from 'better-sqlite3';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';
import { inSnapshot, rate } from '../queries/read-model-sql';

/** Whom a reader's tip reads cover (API.md "Read scope"): all, a tip officer's regions, or tips handed to a department. */
export type TipScope = { readonly all: true } | { readonly regions: readonly string[] } | { readonly department: string };

export interface TipListFilter {
  readonly status?: string;
  readonly regionCode?: string;
  readonly overdue?: boolean;
}

function scopeSql(scope: TipScope, params: Record<string, unknown>): string[] {
  if ('all' in scope) return [];
  if ('department' in scope) {
    params.department = scope.department;
    return ['assigned_department = @department'];
  }
  if (scope.regions.includes('*')) return [];
  const ors = scope.regions.map((prefix, i) => ((params[`r${i}`] = prefix), `substr(region_code, 1, length(@r${i})) = @r${i}`));
  return [`(region_code IS NULL${ors.length ? ` OR ${ors.join(' OR ')}` : ''})`];
}

export function listTips(db: Database, scope: TipScope, filter: TipListFilter, paging: { page: number; pageSize: number }) {
  const params: Record<string, unknown> = {};
  const where = scopeSql(scope, params);
  if (filter.status) (where.push('status = @status'), (params.status = filter.status));
  if (filter.regionCode) (where.push('substr(region_code, 1, length(@regionCode)) = @regionCode'), (params.regionCode = filter.regionCode));
  if (filter.overdue !== undefined) (where.push('overdue = @overdue'), (params.overdue = filter.overdue ? 1 : 0));
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const t = LIVE_TABLES.tips;
  const { result, position } = inSnapshot(db, () => ({
    total: (statement(db, `SELECT COUNT(*) AS n FROM ${t} ${clause}`).get(params) as { n: number }).n,
    rows: statement(db, `SELECT state FROM ${t} ${clause} ORDER BY received_at DESC, tip_no DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize }) as { state: string }[],
  }));
  return { items: result.rows.map((r) => JSON.parse(r.state) as Record<string, unknown>), total: result.total, page: paging.page, pageSize: paging.pageSize, position };
}

/** `GET /dashboard/tips`: 查实率 = substantiated ÷ verified; feedbackOnTimeRate = feedback on time ÷ feedback given. */
export function tipDashboard(db: Database, scope: TipScope) {
  const params: Record<string, unknown> = {};
  const where = scopeSql(scope, params);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { result, position } = inSnapshot(db, () =>
    statement(
      db,
      `SELECT COUNT(*) AS received, COALESCE(SUM(accepted), 0) AS accepted, COALESCE(SUM(concluded = 'rejected'), 0) AS rejected,
        COALESCE(SUM(concluded = 'verified'), 0) AS verified, COALESCE(SUM(substantiated = 1), 0) AS substantiated, COALESCE(SUM(overdue), 0) AS overdue,
        COALESCE(SUM(feedbacks), 0) AS feedbacks, COALESCE(SUM(feedbacks_on_time), 0) AS on_time, COALESCE(SUM(reward_yuan), 0) AS rewards
       FROM ${LIVE_TABLES.tips} ${clause}`,
    ).get(params) as Record<string, number>,
  );
  return {
    received: result.received!, accepted: result.accepted!, rejected: result.rejected!, verified: result.verified!,
    substantiated: result.substantiated!, substantiationRate: rate(result.substantiated!, result.verified!), overdue: result.overdue!,
    feedbackOnTimeRate: rate(result.on_time!, result.feedbacks!), rewardsYuan: result.rewards!, position,
  };
}
