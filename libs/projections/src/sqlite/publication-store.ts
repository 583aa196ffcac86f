import type { Database } from 'better-sqlite3';
import { PublicationChange } from '../hazards/publication.projection';
import { ReadModelTables } from './read-model-schema';
import { statement } from './statement-cache';

const COLUMNS = {
  documentNo: 'document_no',
  level: 'level',
  deadline: 'deadline',
  liftedAt: 'lifted_at',
} as const;

/** A published imposition's row, or a change to it; a patch of an unpublished imposition changes nothing. */
export function applyPublication(db: Database, t: ReadModelTables, change: PublicationChange): void {
  if (change.kind === 'publication') {
    const r = change.row;
    statement(
      db,
      `INSERT OR REPLACE INTO ${t.publications} (supervision_id, hazard_id, document_no, unit_name, summary, sector, region_code, level, authority_level, imposed_at, deadline, lifted_at)
       VALUES (@supervisionId, @hazardId, @documentNo, @unitName, @summary, @sector, @regionCode, @level, @authorityLevel, @imposedAt, @deadline, @liftedAt)`,
    ).run(r);
    return;
  }
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = change.set[field as keyof typeof COLUMNS];
    if (value === undefined) continue;
    // A lifted row is frozen: only its 文号 may still arrive (a numbering finished after the lifting).
    const frozen = field === 'documentNo' ? '' : ' AND lifted_at IS NULL';
    statement(db, `UPDATE ${t.publications} SET ${column} = ? WHERE supervision_id = ?${frozen}`).run(value, change.supervisionId);
  }
}
