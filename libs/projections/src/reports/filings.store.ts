import type { Database } from 'better-sqlite3';
import { filingDecoder } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';
import { inSnapshot } from '../queries/read-model-sql';
import { LIVE_TABLES, ReadModelTables } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';

/** One filing in `GET /reports/filings`. */
export interface FilingListItem {
  readonly filingId: string;
  readonly period: string;
  readonly regionCode: string | null;
  readonly sectors: readonly string[] | null;
  readonly groupBy: string;
  /** The log position its figures were computed at. */
  readonly position: number;
  readonly digest: string;
  readonly filedBy: string;
  readonly filedAt: string;
}

/** A filing stream's event as a row of the filings list (through the filing decoder). */
export function applyFilingEvent(db: Database, t: ReadModelTables, recorded: RecordedEvent): void {
  if (filingDecoder.idOf(recorded.streamId) === undefined) return;
  const event = filingDecoder.decode(recorded);
  if (event?.type !== 'StatisticsReportFiled') return;
  const f = event.data;
  statement(
    db,
    `INSERT OR REPLACE INTO ${t.filings} (filing_id, period, region_code, sectors, group_by, position, digest, filed_by, filed_at, event_position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.filingId, f.period, f.regionCode, f.sectors === null ? null : JSON.stringify(f.sectors), f.groupBy, f.position, f.digest, f.filedBy, recorded.metadata.occurredAt, recorded.position);
}

export interface FilingListFilter {
  readonly period?: string;
  /** A region-code prefix: 3301 lists the filings of 杭州市 and of its districts. */
  readonly regionCode?: string;
}

/** Every filing the filter matches, newest filed first, and the read models' position. Few rows: the caller pages. */
export function listFilings(db: Database, filter: FilingListFilter = {}): { items: FilingListItem[]; position: number } {
  const { result, position } = inSnapshot(db, () =>
    statement(
      db,
      `SELECT filing_id, period, region_code, sectors, group_by, position, digest, filed_by, filed_at FROM ${LIVE_TABLES.filings}
       WHERE (@period IS NULL OR period = @period)
         AND (@region IS NULL OR (region_code IS NOT NULL AND substr(region_code, 1, length(@region)) = @region))
       ORDER BY event_position DESC`,
    ).all({ period: filter.period ?? null, region: filter.regionCode ?? null }) as Record<string, unknown>[],
  );
  return { items: result.map(itemOf), position };
}

function itemOf(row: Record<string, unknown>): FilingListItem {
  return {
    filingId: row.filing_id as string,
    period: row.period as string,
    regionCode: (row.region_code as string | null) ?? null,
    sectors: row.sectors === null ? null : (JSON.parse(row.sectors as string) as string[]),
    groupBy: row.group_by as string,
    position: row.position as number,
    digest: row.digest as string,
    filedBy: row.filed_by as string,
    filedAt: row.filed_at as string,
  };
}
