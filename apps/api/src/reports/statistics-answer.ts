import { StatisticsReport } from '@hazard/projections';

/** `GET /reports/statistics`'s answer: the report and the log position its figures stand at (keys in API.md's order). */
export interface StatisticsAnswer extends StatisticsReport {
  readonly position: number;
}

export function statisticsAnswer(report: StatisticsReport, position: number): StatisticsAnswer {
  const { period, from, to, end, timeZone, regionCode, sectors, groupBy, digest, rows, total } = report;
  return { period, from, to, end, timeZone, regionCode, sectors, groupBy, position, digest, rows, total };
}
