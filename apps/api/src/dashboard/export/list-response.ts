import { Catalogue } from '@hazard/domain';
import { FastifyReply } from 'fastify';
import { ListFormat } from '../dto/dashboard-list-query.dto';
import { codeNamesOf } from './code-names';
import { toCsv } from './csv';
import { tableOf, TableSpec } from './tabular';
import { toXlsx } from './xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Answers a dashboard list in the asked format: JSON `{items, position}`, or a download whose file name
 * carries the list and the date (ASCII `filename` for old clients, the zh-CN title in `filename*`). A download
 * names sectors and regions from `catalogue`; JSON keeps the codes, which clients label from GET /catalogue.
 */
export async function listResponse<T>(
  reply: FastifyReply,
  list: { readonly items: readonly T[]; readonly position: number },
  spec: TableSpec<T>,
  format: ListFormat = 'json',
  now: Date,
  catalogue: Catalogue,
): Promise<{ items: readonly T[]; position: number } | string | Buffer> {
  if (format === 'json') return { items: list.items, position: list.position };
  const table = tableOf(spec, list.items, codeNamesOf(catalogue));
  const day = now.toISOString().slice(0, 10);
  const file = (stem: string) => `${stem}-${day}.${format}`;
  reply.header('Content-Disposition', `attachment; filename="${file(spec.name)}"; filename*=UTF-8''${encodeURIComponent(file(spec.title))}`);
  reply.header('X-Read-Model-Position', String(list.position));
  if (format === 'csv') {
    reply.header('Content-Type', 'text/csv; charset=utf-8');
    return toCsv(table);
  }
  reply.header('Content-Type', XLSX_TYPE);
  return toXlsx(spec as TableSpec<unknown>, table, now);
}
