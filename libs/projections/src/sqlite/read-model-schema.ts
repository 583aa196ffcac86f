import type { Database } from 'better-sqlite3';
import { writeCheckpoint } from '@hazard/event-store';

/** The file beside events.sqlite in DATA_DIR; each API replica (and the CLI's rebuild) keeps its own. */
export const READ_MODELS_FILE = 'read-models.sqlite';

/** Checkpoint name of the one consumer that keeps every read-model table: one position for all of them. */
export const READ_MODELS_CONSUMER = 'read-models';

/** Physical names of one generation of the read-model tables: live (`rm_`) or being rebuilt (`rb_`). */
export interface ReadModelTables {
  readonly hazards: string;
  readonly cycles: string;
  readonly units: string;
  /** Per department and hazard, figures that are not a cycle's: closure reviews charged to it. */
  readonly departments: string;
  /** Per hazard, the statistics facts (HazardFacts JSON) period reports are computed from. */
  readonly facts: string;
  /** One row per 统计分析表 filing (报送), for the list. */
  readonly filings: string;
  /** 公示: one row per published 挂牌督办 imposition, public fields only. */
  readonly publications: string;
  /** 企业登记: one row per registered unit, with its folded state (profile and self-check reports). */
  readonly registry: string;
  /** 自查自报: one row per (unit, period) with the latest report, for the self-reporting figures. */
  readonly selfChecks: string;
  /** One row per finding (HazardFound, HazardFoundAgain) of any hazard: source and discoveredAt, for 瞒报 signals. */
  readonly findings: string;
  /** Which hazards each unit's rectifiers may read (rectifierUnitsOf): units ever made responsible, self-reports. */
  readonly unitReads: string;
  /** 举报: one row per tip, for the officer's list and the 举报 dashboard; no identity, no query-code hash. */
  readonly tips: string;
}

/** The logical tables, in the order digests list them and the rebuild swaps them. */
export const TABLE_NAMES = ['hazards', 'cycles', 'units', 'departments', 'facts', 'filings', 'publications', 'registry', 'selfChecks', 'findings', 'unitReads', 'tips'] as const satisfies readonly (keyof ReadModelTables)[];

const tablesWithPrefix = (prefix: string): ReadModelTables =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, `${prefix}${name}`])) as unknown as ReadModelTables;

export const LIVE_TABLES = tablesWithPrefix('rm_');
export const REBUILD_TABLES = tablesWithPrefix('rb_');

/** Logical name → primary-key order, for digests and for the rebuild's swap. */
export const TABLE_KEYS: Record<keyof ReadModelTables, string> = {
  hazards: 'hazard_id',
  cycles: 'hazard_id, occurrence',
  units: 'unit_id',
  departments: 'department, hazard_id',
  facts: 'hazard_id',
  filings: 'filing_id',
  publications: 'supervision_id',
  registry: 'credit_code',
  selfChecks: 'credit_code, period',
  findings: 'hazard_id, revision',
  unitReads: 'unit_id, hazard_id',
  tips: 'tip_id',
};

/**
 * Tables with their primary keys only: enough for the projection's own lookups, cheap to bulk-load. Tables of
 * rows near a kilobyte (hazards, facts) keep their rowid: a WITHOUT ROWID table stores the whole row in the
 * key's B-tree, so each insert at a random hazard id split and rewrote pages of large rows (a fifth of a
 * million-event rebuild went to the facts table alone); with a rowid the row is appended and only the small
 * key index takes the random insert.
 */
export function createTables(db: Database, t: ReadModelTables): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${t.hazards} (
      hazard_id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL, unit_name TEXT NOT NULL, location TEXT NOT NULL, category_code TEXT NOT NULL,
      sector TEXT NOT NULL, region_code TEXT NOT NULL, grid_id TEXT,
      level TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,
      occurrence INTEGER NOT NULL, repeat_findings INTEGER NOT NULL,
      responsible_unit_id TEXT, responsible_person TEXT, supervising_department TEXT,
      deadline TEXT, deadline_ms INTEGER, overdue_marked INTEGER NOT NULL, under_supervision INTEGER NOT NULL,
      discovered_at TEXT NOT NULL, found_at TEXT NOT NULL, found_position INTEGER NOT NULL,
      updated_at TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL,
      state TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t.cycles} (
      hazard_id TEXT NOT NULL, occurrence INTEGER NOT NULL, unit_id TEXT NOT NULL,
      supervising_department TEXT, responsible_unit_id TEXT,
      rectified INTEGER NOT NULL, on_time INTEGER, late_ms INTEGER NOT NULL,
      verified INTEGER NOT NULL, verification_not_held INTEGER NOT NULL,
      PRIMARY KEY (hazard_id, occurrence)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${t.units} (
      unit_id TEXT PRIMARY KEY, unit_name TEXT NOT NULL,
      hazards INTEGER NOT NULL, findings INTEGER NOT NULL, found_again INTEGER NOT NULL, repeat_hazards INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t.departments} (
      department TEXT NOT NULL, hazard_id TEXT NOT NULL, closure_reviews_overdue INTEGER NOT NULL,
      PRIMARY KEY (department, hazard_id)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${t.facts} (
      hazard_id TEXT PRIMARY KEY, sector TEXT NOT NULL, region_code TEXT NOT NULL, facts TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t.filings} (
      filing_id TEXT PRIMARY KEY, period TEXT NOT NULL, region_code TEXT, sectors TEXT, group_by TEXT NOT NULL,
      position INTEGER NOT NULL, digest TEXT NOT NULL, filed_by TEXT NOT NULL, filed_at TEXT NOT NULL, event_position INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS ${t.publications} (
      supervision_id TEXT PRIMARY KEY, hazard_id TEXT NOT NULL, document_no TEXT, unit_name TEXT NOT NULL, summary TEXT NOT NULL,
      sector TEXT NOT NULL, region_code TEXT NOT NULL, level TEXT NOT NULL, authority_level TEXT NOT NULL,
      imposed_at TEXT NOT NULL, deadline TEXT, lifted_at TEXT);
    CREATE TABLE IF NOT EXISTS ${t.registry} (
      credit_code TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, region_code TEXT NOT NULL,
      registered_ms INTEGER NOT NULL, state TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${t.selfChecks} (
      credit_code TEXT NOT NULL, period TEXT NOT NULL, zero_hazard INTEGER NOT NULL, late INTEGER NOT NULL,
      PRIMARY KEY (credit_code, period)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${t.findings} (
      hazard_id TEXT NOT NULL, revision INTEGER NOT NULL, unit_id TEXT NOT NULL, sector TEXT NOT NULL, region_code TEXT NOT NULL,
      source TEXT NOT NULL, discovered_at TEXT NOT NULL, discovered_ms INTEGER NOT NULL,
      PRIMARY KEY (hazard_id, revision)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${t.unitReads} (
      unit_id TEXT NOT NULL, hazard_id TEXT NOT NULL, PRIMARY KEY (unit_id, hazard_id)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ${t.tips} (
      tip_id TEXT PRIMARY KEY, tip_no TEXT NOT NULL, status TEXT NOT NULL, sector TEXT, region_code TEXT,
      assigned_department TEXT, received_at TEXT NOT NULL, overdue INTEGER NOT NULL, accepted INTEGER NOT NULL,
      concluded TEXT, substantiated INTEGER, feedback_due TEXT, feedbacks INTEGER NOT NULL, feedbacks_on_time INTEGER NOT NULL,
      reward_yuan INTEGER, position INTEGER NOT NULL, state TEXT NOT NULL);`);
}

/**
 * Secondary indexes, only ever on the live tables (SQLite renames a table's indexes with it but not their
 * names, so the rebuild creates these after its swap). Sized for 100k hazards: each list filter has an
 * index ending in found_position, so a filtered page is read in order without sorting and its count is an
 * index range; the partial index holds only hazards a deadline can make overdue (open, not rectified).
 */
export function createIndexes(db: Database, t: ReadModelTables = LIVE_TABLES): void {
  const h = t.hazards;
  db.exec(`
    CREATE INDEX IF NOT EXISTS ${h}_by_found ON ${h} (found_position);
    CREATE INDEX IF NOT EXISTS ${h}_by_status ON ${h} (status, found_position);
    CREATE INDEX IF NOT EXISTS ${h}_by_sector ON ${h} (sector, found_position);
    CREATE INDEX IF NOT EXISTS ${h}_by_region ON ${h} (region_code, found_position);
    CREATE INDEX IF NOT EXISTS ${h}_by_level ON ${h} (level, found_position);
    CREATE INDEX IF NOT EXISTS ${h}_by_source ON ${h} (source);
    CREATE INDEX IF NOT EXISTS ${h}_by_unit ON ${h} (unit_id, found_position);
    CREATE INDEX IF NOT EXISTS ${h}_by_supervision ON ${h} (under_supervision, found_position);
    CREATE INDEX IF NOT EXISTS ${h}_by_occurrence ON ${h} (occurrence);
    CREATE INDEX IF NOT EXISTS ${h}_by_deadline ON ${h} (deadline_ms, hazard_id) WHERE status IN ('assigned', 'reopened') AND deadline_ms IS NOT NULL;
    CREATE INDEX IF NOT EXISTS ${t.cycles}_by_department ON ${t.cycles} (supervising_department);
    CREATE INDEX IF NOT EXISTS ${t.units}_by_found_again ON ${t.units} (found_again DESC, findings DESC, unit_id);
    CREATE INDEX IF NOT EXISTS ${t.registry}_by_region ON ${t.registry} (region_code, credit_code);
    CREATE INDEX IF NOT EXISTS ${t.findings}_by_unit ON ${t.findings} (unit_id, discovered_ms);
    CREATE INDEX IF NOT EXISTS ${t.findings}_by_discovery ON ${t.findings} (discovered_ms);`);
}

/**
 * The shape of the tables (`PRAGMA user_version` of the file). Bump it when a column or a key of an existing table
 * changes: a missing table is noticed by itself, a changed one is not. 2: departments per hazard, unitReads.
 */
export const READ_MODELS_SCHEMA_VERSION = 2;

/**
 * The live schema, created on first open. Models built before a table was added (or with an older
 * READ_MODELS_SCHEMA_VERSION) lack rows for everything up to their checkpoint, so then every table is dropped and
 * the checkpoint reset: the projector rebuilds them from position 0 at start, instead of serving figures with a
 * hole in them.
 */
export function ensureLiveSchema(db: Database): void {
  const present = TABLE_NAMES.filter((name) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(LIVE_TABLES[name]));
  const outdated = Number(db.pragma('user_version', { simple: true })) < READ_MODELS_SCHEMA_VERSION;
  if (present.length > 0 && (present.length < TABLE_NAMES.length || outdated)) {
    db.transaction(() => {
      dropTables(db, LIVE_TABLES);
      writeCheckpoint(db, READ_MODELS_CONSUMER, 0);
    }).immediate();
  }
  createTables(db, LIVE_TABLES);
  createIndexes(db, LIVE_TABLES);
  if (outdated) db.pragma(`user_version = ${READ_MODELS_SCHEMA_VERSION}`);
}

export function dropTables(db: Database, t: ReadModelTables): void {
  db.exec(TABLE_NAMES.map((name) => `DROP TABLE IF EXISTS ${t[name]};`).join(' '));
}
