import type { Database } from 'better-sqlite3';
import { PublicationRow } from '../hazards/publication.projection';
import { LIVE_TABLES } from '../sqlite/read-model-schema';
import { statement } from '../sqlite/statement-cache';
import { inSnapshot } from './read-model-sql';

export interface PublicListFilter {
  readonly regionCode?: string;
  readonly sector?: string;
  readonly authorityLevel?: string;
  /** true: not lifted; false: lifted; absent: both. */
  readonly active?: boolean;
}

/** A published imposition as the public list reads it (names are added by the caller from the catalogue). */
export type PublishedSupervision = Omit<PublicationRow, 'supervisionId' | 'hazardId'>;

/** One page of the 公示 list, newest imposition first, with the total matching the filter. */
export function listPublishedSupervisions(db: Database, filter: PublicListFilter, paging: { page: number; pageSize: number }) {
  const t = LIVE_TABLES.publications;
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.regionCode) {
    where.push(`substr(region_code, 1, length(@regionCode)) = @regionCode`);
    params.regionCode = filter.regionCode;
  }
  if (filter.sector) {
    where.push('sector = @sector');
    params.sector = filter.sector;
  }
  if (filter.authorityLevel) {
    where.push('authority_level = @authorityLevel');
    params.authorityLevel = filter.authorityLevel;
  }
  if (filter.active !== undefined) where.push(filter.active ? 'lifted_at IS NULL' : 'lifted_at IS NOT NULL');
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { result, position } = inSnapshot(db, () => ({
    total: (statement(db, `SELECT COUNT(*) AS n FROM ${t} ${clause}`).get(params) as { n: number }).n,
    rows: statement(
      db,
      `SELECT document_no, unit_name, summary, sector, region_code, level, authority_level, imposed_at, deadline, lifted_at
       FROM ${t} ${clause} ORDER BY imposed_at DESC, supervision_id LIMIT @limit OFFSET @offset`,
    ).all({ ...params, limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize }) as Record<string, string | null>[],
  }));
  const items: PublishedSupervision[] = result.rows.map((r) => ({
    documentNo: r.document_no ?? null,
    unitName: r.unit_name!,
    summary: r.summary!,
    sector: r.sector!,
    regionCode: r.region_code!,
    level: r.level!,
    authorityLevel: r.authority_level!,
    imposedAt: r.imposed_at!,
    deadline: r.deadline ?? null,
    liftedAt: r.lifted_at ?? null,
  }));
  return { items, total: result.total, page: paging.page, pageSize: paging.pageSize, position };
}
