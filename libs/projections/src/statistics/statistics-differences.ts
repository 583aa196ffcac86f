import { flattenFigures, StatisticsFigures } from './statistics-figures';
import { RowKey } from './statistics-grouping';
import { StatisticsReport } from './statistics-report';

/** The key `differences` gives the total row (row keys are codes, levels and sources; null is 其他). */
export const TOTAL_ROW_KEY = 'total';

/** One figure that differs: a field such as `found` or `supervisedAtEnd.city`; null where the row is missing. */
export interface StatisticsDifference {
  readonly key: RowKey;
  readonly field: string;
  readonly asFiled: number | null;
  readonly asCorrected: number | null;
}

/** Every figure that differs between a filed report and the same report computed now: rows by key, then the total. */
export function differences(asFiled: Pick<StatisticsReport, 'rows' | 'total'>, asCorrected: Pick<StatisticsReport, 'rows' | 'total'>): StatisticsDifference[] {
  const keys = [...asFiled.rows.map((r) => r.key), ...asCorrected.rows.map((r) => r.key)].filter((key, i, all) => all.indexOf(key) === i);
  const rowOf = (report: Pick<StatisticsReport, 'rows'>, key: RowKey) => report.rows.find((r) => r.key === key);
  const out = keys.flatMap((key) => compare(key, rowOf(asFiled, key), rowOf(asCorrected, key)));
  return [...out, ...compare(TOTAL_ROW_KEY, asFiled.total, asCorrected.total)];
}

function compare(key: RowKey, a: StatisticsFigures | undefined, b: StatisticsFigures | undefined): StatisticsDifference[] {
  const before = new Map(a ? flattenFigures(a) : []);
  const after = new Map(b ? flattenFigures(b) : []);
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  return fields
    .map((field) => ({ key, field, asFiled: before.get(field) ?? null, asCorrected: after.get(field) ?? null }))
    .filter((d) => d.asFiled !== d.asCorrected);
}
