import { namedSchema } from '../edge/openapi/named-schemas';
import { array, integer, object, text } from '../edge/openapi/schema-builders';

/** `GET /dashboard/trend`'s answer, as a named schema (DashboardTrend) for generated clients. */
export const TREND_SCHEMA = namedSchema(
  'DashboardTrend',
  object({
    months: array(
      object({
        month: text('2026-03', 'YYYY-MM in TIME_ZONE'),
        found: integer(12, 'cycles opened in the month: a finding, a finding again after verification, a reopening (统计分析表 排查隐患)'),
        rectified: integer(9, 'cycles whose first passed verification falls in the month (统计分析表 已整改)'),
      }),
    ),
    position: integer(42, 'of the read models the months stand at'),
  }),
);
