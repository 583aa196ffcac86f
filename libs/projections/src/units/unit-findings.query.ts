import type { Database } from 'better-sqlite3';
import { CONTRADICTING_SOURCES, Finding } from '@hazard/domain';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';

/** The hazards whose findings a reader's signals may rest on: sector codes × region prefixes, null for all. */
export interface FindingScope {
  readonly sectors: readonly string[] | null;
  readonly regions: readonly string[] | null;
}

interface FindingRow {
  readonly unit_id: string;
  readonly hazard_id: string;
  readonly sector: string;
  readonly region_code: string;
  readonly source: Finding['source'];
  readonly discovered_at: string;
}

const SOURCES_SQL = CONTRADICTING_SOURCES.map((s) => `'${s}'`).join(', ');

/** Every inspection and citizen-report finding of these units, of hazards in `scope`, by unit. */
export function contradictingFindingsOf(db: Database, creditCodes: readonly string[], scope: FindingScope): Map<string, Finding[]> {
  const rows = statement(
    db,
    `SELECT unit_id, hazard_id, sector, region_code, source, discovered_at FROM ${LIVE_TABLES.findings}
     WHERE unit_id IN (SELECT value FROM json_each(?)) AND source IN (${SOURCES_SQL}) ORDER BY unit_id, discovered_ms, hazard_id`,
  ).all(JSON.stringify(creditCodes)) as FindingRow[];
  return byUnit(rows, scope);
}

/** The inspection and citizen-report findings discovered in [from, to), of hazards in `scope`, by unit. */
export function contradictingFindingsIn(db: Database, window: { readonly from: string; readonly to: string }, scope: FindingScope): Map<string, Finding[]> {
  const rows = statement(
    db,
    `SELECT unit_id, hazard_id, sector, region_code, source, discovered_at FROM ${LIVE_TABLES.findings}
     WHERE discovered_ms >= ? AND discovered_ms < ? AND source IN (${SOURCES_SQL}) ORDER BY unit_id, discovered_ms, hazard_id`,
  ).all(Date.parse(window.from), Date.parse(window.to)) as FindingRow[];
  return byUnit(rows, scope);
}

function byUnit(rows: readonly FindingRow[], scope: FindingScope): Map<string, Finding[]> {
  const found = new Map<string, Finding[]>();
  for (const row of rows) {
    if (!inScope(row, scope)) continue;
    const list = found.get(row.unit_id) ?? [];
    list.push({ hazardId: row.hazard_id, source: row.source, discoveredAt: row.discovered_at });
    found.set(row.unit_id, list);
  }
  return found;
}

function inScope(row: FindingRow, { sectors, regions }: FindingScope): boolean {
  return (sectors === null || sectors.includes(row.sector)) && (regions === null || regions.some((prefix) => row.region_code.startsWith(prefix)));
}
