import { parsePeriod } from '../period';
import { StatisticsFigures } from '../statistics-figures';
import { StatisticsQuery } from '../statistics-report';

export const Q1 = parsePeriod('2026Q1', 'Asia/Shanghai');

/** 2026Q1 in 杭州市 by region, ended (end = to); override what a test is about. */
export function q1Query(overrides: Partial<StatisticsQuery> = {}): StatisticsQuery {
  return { period: Q1.period, from: Q1.from, to: Q1.to, end: Q1.to, timeZone: Q1.timeZone, regionCode: '3301', groupBy: 'region', ...overrides };
}

/** A row's figures: all zero but the ones given. */
export function figures(overrides: Partial<StatisticsFigures> = {}): StatisticsFigures {
  return {
    found: 0, foundGeneral: 0, foundMajor: 0, foundRectifiedGeneral: 0, foundRectifiedMajor: 0, rectificationRateGeneral: 0, rectificationRateMajor: 0,
    rectifiedGeneral: 0, rectifiedMajor: 0, rectifiedOnTime: 0, onTimeRate: 0, openAtEnd: 0, overdueAtEnd: 0, supervisedAtEnd: { county: 0, city: 0, province: 0 },
    withPlan: 0, fundingPlanned: 0, bySource: { inspection: 0, 'self-check': 0, 'citizen-report': 0, other: 0 }, ...overrides,
  };
}
