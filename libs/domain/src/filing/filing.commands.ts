import { Actor } from '../shared/actor';

/** How a 统计分析表's rows are grouped (DESIGN.md "Period statistics and filings"). */
export const REPORT_GROUP_BYS = ['region', 'sector', 'level', 'source'] as const;
export type ReportGroupBy = (typeof REPORT_GROUP_BYS)[number];

/**
 * What a filing covers and what it found. The edge computes the report from the read models at `position`
 * (the domain has no store and no hash function) and hands over its scope, rows and digest as data.
 */
export interface FiledReportContent {
  /** `2026`, `2026Q1`, `2026-03`. */
  readonly period: string;
  /** [from, to): local midnights of `timeZone`, ISO-8601 with offset. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  /** A region-code prefix; null: every region. */
  readonly regionCode: string | null;
  /** Sector codes, sorted; null: every sector. */
  readonly sectors: readonly string[] | null;
  readonly groupBy: ReportGroupBy;
  /** The report's rows in order (codes, levels, sources; null is the region row 其他): a filing recomputes with them. */
  readonly rowKeys: readonly (string | null)[];
  /** The global log position the figures were computed at. */
  readonly position: number;
  /** sha256 (hex) of the report's canonical JSON. */
  readonly digest: string;
  /** The version of the figures' definitions the report was computed with. */
  readonly definitionVersion: number;
  /** The reference catalogue's version (sha256 of its file) the rows were named from. */
  readonly catalogueVersion: string;
}

/**
 * 报送: record a period's 统计分析表 as filed. `commandId` names the filing (filingId = UUID v5 of it), so a
 * retried request files once.
 */
export interface FileStatisticsReport {
  readonly type: 'FileStatisticsReport';
  readonly data: FiledReportContent & { readonly commandId: string };
  readonly actor: Actor;
  readonly now: string;
}

export type FilingCommand = FileStatisticsReport;
