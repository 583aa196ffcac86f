import type { Database } from 'better-sqlite3';
import { CycleRow, HazardRow, ReadModelChange } from '../hazards/hazard-read-model';
import { HAZARD_COLUMNS, hazardFromSql, hazardToSql } from './hazard-columns';
import { ReadModelTables } from './read-model-schema';
import { applyPublication } from './publication-store';
import { statement } from './statement-cache';

export type CycleChange = Extract<ReadModelChange, { kind: 'cycle' }>;

/** Reads the hazard's current row (with the domain state to fold the next event onto). */
export function loadHazardRow(db: Database, t: ReadModelTables, hazardId: string): HazardRow | undefined {
  const row = statement(db, `SELECT * FROM ${t.hazards} WHERE hazard_id = ?`).get(hazardId) as Record<string, unknown> | undefined;
  return row && (hazardFromSql(row) as HazardRow);
}

/**
 * Applies the changes of one event but its hazard row, which the caller keeps (HazardPage) and writes once per
 * batch with writeHazardRow; runs inside the consumer's batch transaction.
 */
export function applyChangesButRow(db: Database, t: ReadModelTables, changes: readonly ReadModelChange[], cycles?: { holdCycle(change: CycleChange): boolean }): void {
  for (const change of changes) {
    if (change.kind === 'hazard') continue;
    if (change.kind === 'cycle') {
      if (!cycles?.holdCycle(change)) mergeCycle(db, t, change.hazardId, change.occurrence, change.unitId, change.set);
    }
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

export function writeHazardRow(db: Database, t: ReadModelTables, row: HazardRow): void {
  const sql = sqlOnce(`hazard ${t.hazards}`, () => `INSERT OR REPLACE INTO ${t.hazards} (${HAZARD_COLUMNS.join(', ')}) VALUES (${HAZARD_COLUMNS.map((c) => `@${c}`).join(', ')})`);
  statement(db, sql).run(hazardToSql(row));
}

const sqlTexts = new Map<string, string>();

/**
 * The SQL text for a short key, built once: the hot statements were rebuilt from their column lists for every
 * row, and the statement cache then hashed a fresh string each time.
 */
function sqlOnce(key: string, build: () => string): string {
  let sql = sqlTexts.get(key);
  if (sql === undefined) sqlTexts.set(key, (sql = build()));
  return sql;
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

/**
 * Creates the cycle row with defaults if needed and sets only the columns the event is about, in one
 * statement (one per combination of columns, prepared once).
 */
export function mergeCycle(db: Database, t: ReadModelTables, hazardId: string, occurrence: number, unitId: string, set: Partial<CycleRow>): void {
  const values: Record<string, unknown> = { hazard_id: hazardId, occurrence, unit_id: unitId, ...CYCLE_DEFAULTS };
  const changed: string[] = [];
  for (const [field, column] of Object.entries(CYCLE_COLUMNS)) {
    const value = set[field as keyof typeof CYCLE_COLUMNS];
    if (value === undefined) continue;
    values[column] = sqlValue(value);
    changed.push(column);
  }
  const sql = sqlOnce(`cycle ${t.cycles} ${changed.join(' ')}`, () => {
    const columns = Object.keys(values);
    const onConflict = changed.length ? `DO UPDATE SET ${changed.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'DO NOTHING';
    return `INSERT INTO ${t.cycles} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ON CONFLICT (hazard_id, occurrence) ${onConflict}`;
  });
  statement(db, sql).run(values);
}

/** What a cycle row starts with (the columns not named are NULL). */
const CYCLE_DEFAULTS = { rectified: 0, late_ms: 0, verified: 0, verification_not_held: 0 };

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
