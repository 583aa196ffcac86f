import { StatisticsFigures } from './statistics-figures';

export type CellFormat = 'count' | 'rate' | 'yuan';

export interface FigureColumn {
  /** The row-4 header; absent when the group is a single column merged over rows 3–4. */
  readonly title?: string;
  readonly value: (f: StatisticsFigures) => number;
  readonly format: CellFormat;
}

export interface HeaderGroup {
  readonly title: string;
  readonly columns: readonly FigureColumn[];
}

const count = (title: string | undefined, value: (f: StatisticsFigures) => number): FigureColumn => ({ title, value, format: 'count' });
const rate = (title: string | undefined, value: (f: StatisticsFigures) => number): FigureColumn => ({ title, value, format: 'rate' });

/** The figure columns of the 隐患排查治理统计分析表 after 分组, as API.md lays them out (rows 3–4). */
export const HEADER_GROUPS: readonly HeaderGroup[] = [
  { title: '排查隐患', columns: [count('合计', (f) => f.found), count('其中重大', (f) => f.foundMajor)] },
  {
    title: '一般隐患',
    columns: [count('已整改', (f) => f.foundRectifiedGeneral), rate('整改率', (f) => f.rectificationRateGeneral), count('本期整改销号', (f) => f.rectifiedGeneral)],
  },
  {
    title: '重大隐患',
    columns: [
      count('已整改', (f) => f.foundRectifiedMajor),
      rate('整改率', (f) => f.rectificationRateMajor),
      count('本期整改销号', (f) => f.rectifiedMajor),
      count('列入治理计划', (f) => f.withPlan),
      // Kept in fen so sums are exact; shown in yuan.
      { title: '治理资金（元）', value: (f) => f.fundingPlanned / 100, format: 'yuan' },
    ],
  },
  { title: '按期整改率', columns: [rate(undefined, (f) => f.onTimeRate)] },
  { title: '期末未整改', columns: [count(undefined, (f) => f.openAtEnd)] },
  { title: '期末逾期', columns: [count(undefined, (f) => f.overdueAtEnd)] },
  {
    title: '期末挂牌督办',
    columns: [count('县级', (f) => f.supervisedAtEnd.county), count('市级', (f) => f.supervisedAtEnd.city), count('省级', (f) => f.supervisedAtEnd.province)],
  },
  {
    title: '隐患来源',
    columns: [
      count('部门检查', (f) => f.bySource.inspection),
      count('企业自查', (f) => f.bySource['self-check']),
      count('群众举报', (f) => f.bySource['citizen-report']),
      count('其他', (f) => f.bySource.other),
    ],
  },
];

export const NUMBER_FORMATS: Readonly<Record<CellFormat, string>> = { count: '0', rate: '0.00%', yuan: '#,##0.00' };

/** 1 (分组) + every figure column. */
export const COLUMN_COUNT = 1 + HEADER_GROUPS.reduce((n, g) => n + g.columns.length, 0);
