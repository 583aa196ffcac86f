import { statisticsFileNames, statisticsXlsx, StatisticsWorkbookMeta } from '@hazard/projections';
import { FastifyReply } from 'fastify';
import { StatisticsAnswer } from './statistics-answer';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The 隐患排查治理统计分析表 as a download: `statistics-2026Q1-3301.xlsx`, the zh-CN name in `filename*`. */
export function statisticsDownload(reply: FastifyReply, report: StatisticsAnswer, meta: StatisticsWorkbookMeta): Promise<Buffer> {
  const { fileName, displayName } = statisticsFileNames(report);
  reply.header('Content-Type', XLSX_TYPE);
  reply.header('Content-Disposition', `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(displayName)}`);
  reply.header('X-Read-Model-Position', String(meta.corrected?.position ?? meta.position));
  return statisticsXlsx(report, meta);
}
