import type { Database } from 'better-sqlite3';
import { CycleRow, HazardRow, ReadModelChange } from '../hazards/hazard-read-model';
import { HAZARD_COLUMNS, hazardFromSql, hazardToSql } from './hazard-columns';
import { ReadModelTables } from './read-model-schema';
import { applyPublication } from './publication-store';
import { statement } from './statement-cache';

/** Reads the hazard's current row (with the domain state to fold the next event onto). */
export function loadHazardRow(db: Database, t: ReadModelTables, hazardId: string): HazardRow | undefined {
  const row = statement(db, `SELECT * FROM ${t.hazards} WHERE hazard_id = ?`).get(hazardId) as Record<string, unknown> | undefined;
  return row && (hazardFromSql(row) as HazardRow);
}

/** Applies the changes of one event; runs inside the consumer's batch transaction. */
export function applyChanges(db: Database, t: ReadModelTables, changes: readonly ReadModelChange[]): void {
  for (const change of changes) {
    if (change.kind === 'hazard') upsertHazard(db, t, change.row);
    else if (change.kind === 'cycle') mergeCycle(db, t, change.hazardId, change.occurrence, change.unitId, change.set);
    else if (change.kind === 'unit') addToUnit(db, t, change);
    else if (change.kind === 'department') addToDepartment(db, t, change);
    else if (change.kind === 'unit-read') addUnitRead(db, t, change);
    else applyPublication(db, t, change);
  }
}

function addToDepartment(db: Database, t: ReadModelTables, change: Extract<ReadModelChange, { kind: 'department' }>): void {
  statement(
    db,
    `INSERT INTO ${t.departments} (department, hazard_id, closure_reviews_overdue) VALUES (?, ?, ?)
     ON CONFLICT (department, hazard_id) DO UPDATE SET closure_reviews_overdue = closure_reviews_overdue + excluded.closure_reviews_overdue`,
  ).run(change.department, change.hazardId, change.add.closureReviewsOverdue);
}

function addUnitRead(db: Database, t: ReadModelTables, change: Extract<ReadModelChange, { kind: 'unit-read' }>): void {
  statement(db, `INSERT OR IGNORE INTO ${t.unitReads} (unit_id, hazard_id) VALUES (?, ?)`).run(change.unitId, change.hazardId);
}

function upsertHazard(db: Database, t: ReadModelTables, row: HazardRow): void {
  const sql = `INSERT OR REPLACE INTO ${t.hazards} (${HAZARD_COLUMNS.join(', ')}) VALUES (${HAZARD_COLUMNS.map((c) => `@${c}`).join(', ')})`;
  statement(db, sql).run(hazardToSql(row));
}

const CYCLE_COLUMNS: Record<keyof Omit<CycleRow, 'hazardId' | 'occurrence' | 'unitId'>, string> = {
  supervisingDepartment: 'supervising_department',
  responsibleUnitId: 'responsible_unit_id',
  rectified: 'rectified',
  onTime: 'on_time',
  lateMs: 'late_ms',
  verified: 'verified',
  verificationNotHeld: 'verification_not_held',
};

/** Creates the cycle row with defaults if needed, then sets only the columns the event is about. */
function mergeCycle(db: Database, t: ReadModelTables, hazardId: string, occurrence: number, unitId: string, set: Partial<CycleRow>): void {
  statement(db, `INSERT OR IGNORE INTO ${t.cycles} (hazard_id, occurrence, unit_id, rectified, late_ms, verified, verification_not_held) VALUES (?, ?, ?, 0, 0, 0, 0)`)
    .run(hazardId, occurrence, unitId);
  for (const [field, column] of Object.entries(CYCLE_COLUMNS)) {
    const value = set[field as keyof typeof CYCLE_COLUMNS];
    if (value === undefined) continue;
    statement(db, `UPDATE ${t.cycles} SET ${column} = ? WHERE hazard_id = ? AND occurrence = ?`).run(sqlValue(value), hazardId, occurrence);
  }
}

function addToUnit(db: Database, t: ReadModelTables, change: Extract<ReadModelChange, { kind: 'unit' }>): void {
  const { hazards, findings, foundAgain, repeatHazards } = change.add;
  statement(
    db,
    `INSERT INTO ${t.units} (unit_id, unit_name, hazards, findings, found_again, repeat_hazards) VALUES (@unitId, @unitName, @hazards, @findings, @foundAgain, @repeatHazards)
     ON CONFLICT (unit_id) DO UPDATE SET
       unit_name = CASE WHEN excluded.hazards > 0 THEN excluded.unit_name ELSE unit_name END,
       hazards = hazards + excluded.hazards, findings = findings + excluded.findings,
       found_again = found_again + excluded.found_again, repeat_hazards = repeat_hazards + excluded.repeat_hazards`,
  ).run({ unitId: change.unitId, unitName: change.unitName, hazards, findings, foundAgain, repeatHazards });
}

function bit(value: boolean): number {
  return value ? 1 : 0;
}

function sqlValue(value: unknown): unknown {
  return typeof value === 'boolean' ? bit(value) : value;
}
