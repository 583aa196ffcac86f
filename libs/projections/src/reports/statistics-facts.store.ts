import type { Database } from 'better-sqlite3';
import { ReadScope } from '@hazard/domain';
import { inSnapshot } from '../queries/read-model-sql';
import { READS_ALL, scopeCondition, whereAll } from '../queries/read-scope-sql';
import { HazardFacts } from '../statistics/cycle-facts';
import { LIVE_TABLES, ReadModelTables } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';

/** Writes a hazard's statistics facts (the projector folds them with foldCycleFacts, the fold a recomputation also uses). */
export function writeHazardFacts(db: Database, t: ReadModelTables, facts: HazardFacts): void {
  statement(db, `INSERT OR REPLACE INTO ${t.facts} (hazard_id, sector, region_code, facts) VALUES (?, ?, ?, ?)`).run(
    facts.hazardId,
    facts.sector,
    facts.regionCode,
    JSON.stringify(facts),
  );
}

export function loadHazardFacts(db: Database, t: ReadModelTables, hazardId: string): HazardFacts | undefined {
  const row = statement(db, `SELECT facts FROM ${t.facts} WHERE hazard_id = ?`).get(hazardId) as { facts: string } | undefined;
  return row && (JSON.parse(row.facts) as HazardFacts);
}

/** The live facts the statistics are computed from, and the read models' position, from one snapshot. */
export interface LiveStatisticsFacts {
  readonly facts: HazardFacts[];
  readonly position: number;
}

/**
 * The statistics facts of every hazard `filter.scope` may read (and whose regionCode starts with `regionCode`,
 * when given), together with the projector's position they stand at: the report computed from them is the one
 * "live at P". The scope is the lists' own condition, on the facts table's hazard id, sector and region.
 */
export function liveStatisticsFacts(db: Database, filter: { readonly regionCode?: string | null; readonly scope?: ReadScope } = {}): LiveStatisticsFacts {
  const scoped = scopeCondition(filter.scope ?? READS_ALL);
  // In hazard order, whatever order the rows were written in (a rebuild and the projector write them differently).
  const sql = `SELECT facts FROM ${LIVE_TABLES.facts} ${whereAll(['substr(region_code, 1, length(@prefix)) = @prefix', scoped.sql])} ORDER BY hazard_id`;
  const params = { ...scoped.params, prefix: filter.regionCode ?? '' };
  const { result, position } = inSnapshot(db, () =>
    (statement(db, sql).all(params) as { facts: string }[]).map((row) => JSON.parse(row.facts) as HazardFacts),
  );
  return { facts: result, position };
}
