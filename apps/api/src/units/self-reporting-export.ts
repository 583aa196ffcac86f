import { Catalogue } from '@hazard/domain';
import { MissingReport, SelfCheckPeriod } from '@hazard/projections';
import { FastifyReply } from 'fastify';
import { codeNamesOf } from '../dashboard/export/code-names';
import { toCsv } from '../dashboard/export/csv';
import { tableOf, TableSpec } from '../dashboard/export/tabular';
import { toXlsx } from '../dashboard/export/xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNIT_TYPE: Record<string, string> = { 'high-risk': '高危', 'above-scale': '规上', 'crowded-place': '人员密集', other: '其他' };

/** 未报送自查自报企业: the units expected to report a period that have not. */
export const MISSING_REPORTS_TABLE: TableSpec<MissingReport> = {
  name: 'self-reporting-missing',
  title: '未报送自查自报企业',
  columns: [
    { header: '统一社会信用代码', value: (r) => r.creditCode, width: 22 },
    { header: '单位名称', value: (r) => r.name, width: 30 },
    { header: '单位类型', value: (r) => UNIT_TYPE[r.type] ?? r.type, width: 10 },
    { header: '区划代码', value: (r) => r.regionCode, width: 14 },
    { header: '区划名称', value: (r, names) => names.region(r.regionCode), width: 20 },
  ],
};

/** `?format=csv|xlsx` of `missing`: `self-reporting-missing-2026-03.csv`, in zh-CN `未报送自查自报企业-2026年3月.csv`. */
export async function missingReportsDownload(
  reply: FastifyReply,
  missing: readonly MissingReport[],
  period: SelfCheckPeriod,
  format: 'csv' | 'xlsx',
  context: { readonly position: number; readonly catalogue: Catalogue; readonly now: Date },
): Promise<string | Buffer> {
  const table = tableOf(MISSING_REPORTS_TABLE, missing, codeNamesOf(context.catalogue));
  const ascii = `${MISSING_REPORTS_TABLE.name}-${period.period}.${format}`;
  const localized = `${MISSING_REPORTS_TABLE.title}-${period.label}.${format}`;
  reply.header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(localized)}`);
  reply.header('X-Read-Model-Position', String(context.position));
  if (format === 'csv') {
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    return toCsv(table);
  }
  reply.header('Content-Type', XLSX_TYPE);
  return toXlsx(MISSING_REPORTS_TABLE as TableSpec<unknown>, table, context.now);
}
