import type { Database } from 'better-sqlite3';
import { initialUnitState, RegisteredUnit, UnitState } from '@hazard/domain';
import { ReadModelTables } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';

/** The unit's registry row as its last folded event left it (UnitPage writes it once per batch or later). */
export function writeUnitRow(db: Database, t: ReadModelTables, creditCode: string, state: RegisteredUnit, revision: number, position: number): void {
  statement(
    db,
    `INSERT OR REPLACE INTO ${t.registry} (credit_code, name, type, region_code, registered_ms, state, revision, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(creditCode, state.name, state.type, state.regionCode, Date.parse(state.registeredAt), JSON.stringify(state), revision, position);
}

export function loadUnitState(db: Database, t: ReadModelTables, creditCode: string): UnitState {
  const row = statement(db, `SELECT state FROM ${t.registry} WHERE credit_code = ?`).get(creditCode) as { state: string } | undefined;
  return row ? (JSON.parse(row.state) as RegisteredUnit) : initialUnitState();
}
