import type { Database } from 'better-sqlite3';
import { ReadScope } from '@hazard/domain';
import { HazardRow } from '../hazards/hazard-read-model';
import { hazardFromSql } from '../sqlite/hazard-columns';
import { statement } from '../sqlite/statement-cache';
import { HazardListFilter, planList } from './hazard-list-plan';
import { inSnapshot } from './read-model-sql';
import { READS_ALL } from './read-scope-sql';

export type { HazardListFilter };

/** A hazard as the list shows it: its read-model row without the internals, and whether it is overdue now. */
export type HazardListItem = Omit<HazardRow, 'deadlineMs' | 'overdueMarked' | 'foundPosition' | 'state'> & { readonly overdue: boolean };

export interface HazardPage {
  readonly items: HazardListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** The read-model position the page stands at. */
  readonly position: number;
}

/** One page of the hazards `scope` may read, newest first, with the total matching the filter. */
export function listHazards(db: Database, filter: HazardListFilter, paging: { page: number; pageSize: number }, now: Date, scope: ReadScope = READS_ALL): HazardPage {
  const plan = planList(filter, now, scope);
  const { result, position } = inSnapshot(db, () => {
    const total = plan.counts.reduce((sum, count) => sum + count.sign * (statement(db, count.sql).get(plan.params) as { n: number }).n, 0);
    const rows = statement(db, plan.page(total)).all({ ...plan.params, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize });
    return { total, rows: rows as Record<string, unknown>[] };
  });
  return { items: result.rows.map(itemOf), total: result.total, page: paging.page, pageSize: paging.pageSize, position };
}

function itemOf(r: Record<string, unknown>): HazardListItem {
  const { deadlineMs: _ms, overdueMarked: _marked, foundPosition: _found, state: _state, ...row } = hazardFromSql(r);
  return { ...row, overdue: r.overdue_now === 1 };
}
