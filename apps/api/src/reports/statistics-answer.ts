import { GroupBy, StatisticsFigures, StatisticsReport, StatisticsRow } from '@hazard/projections';

/** `GET /reports/statistics`'s answer, in API.md's order: the report and the log position its figures stand at. */
export interface StatisticsAnswer extends StatisticsReport {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly end: string;
  readonly timeZone: string;
  readonly regionCode: string | null;
  readonly sectors: readonly string[] | null;
  readonly groupBy: GroupBy;
  readonly position: number;
  readonly digest: string;
  readonly rows: readonly StatisticsRow[];
  readonly total: StatisticsFigures;
}

export function statisticsAnswer(report: StatisticsReport, position: number): StatisticsAnswer {
  const { period, from, to, end, timeZone, regionCode, sectors, groupBy, digest, rows, total } = report;
  return { period, from, to, end, timeZone, regionCode, sectors, groupBy, position, digest, rows, total };
}
