import type { Database } from 'better-sqlite3';
import { HazardReadFacts } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';

const READ_FACTS_SQL = `
  SELECT sector, region_code, unit_id, json_extract(state, '$.assignedUnitIds') AS assigned, json_extract(state, '$.selfReported') AS self_reported
  FROM ${LIVE_TABLES.hazards} WHERE hazard_id = ?`;

/**
 * What canRead looks at, for each of these hazards as the read models hold it now (the folded state's own fields);
 * a hazard not in the read models is left out. For `/stream`, which checks every change against each connection.
 */
export function hazardReadFacts(db: Database, hazardIds: Iterable<string>): Map<string, HazardReadFacts> {
  const facts = new Map<string, HazardReadFacts>();
  for (const hazardId of new Set(hazardIds)) {
    const row = statement(db, READ_FACTS_SQL).get(hazardId) as Record<string, string | number | null> | undefined;
    if (!row) continue;
    facts.set(hazardId, {
      sector: String(row.sector),
      regionCode: String(row.region_code),
      unitId: String(row.unit_id),
      assignedUnitIds: JSON.parse(String(row.assigned ?? '[]')) as string[],
      selfReported: row.self_reported === 1,
    });
  }
  return facts;
}
