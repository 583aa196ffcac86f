import { GROUP_BYS } from '@hazard/projections';
import { namedSchema } from '../../edge/openapi/named-schemas';
import { anyObject, array, boolean, integer, mapOf, nullable, number, object, oneOf, page, text, time } from '../../edge/openapi/schema-builders';

/** The answers of the 统计分析表 routes (statistics-answer.ts, filing-use-case.ts, filing.reader.ts). */

const COUNT_FIELDS = [
  'found', 'foundGeneral', 'foundMajor', 'foundRectifiedGeneral', 'foundRectifiedMajor', 'rectifiedGeneral', 'rectifiedMajor', 'rectifiedOnTime',
  'openAtEnd', 'overdueAtEnd', 'withPlan',
] as const;

const FIGURES = {
  ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, integer(3)])),
  rectificationRateGeneral: number(0.5),
  rectificationRateMajor: number(1),
  onTimeRate: number(0.75),
  supervisedAtEnd: mapOf(integer(1), 'by authority level: county, city, province'),
  fundingPlanned: integer(20000000, '治理资金 in fen'),
  bySource: mapOf(integer(2), 'findings by source bucket'),
};

export const STATISTICS = namedSchema(
  'StatisticsReport',
  object({
    period: text('2026Q1'),
    from: time('2026-01-01T00:00:00+08:00'),
    to: time('2026-04-01T00:00:00+08:00'),
    end: time('2026-04-01T00:00:00+08:00'),
    timeZone: text('Asia/Shanghai'),
    regionCode: nullable(text('3301')),
    sectors: nullable(array(text('gas'))),
    groupBy: oneOf(GROUP_BYS),
    position: integer(42, 'the log position the figures stand at'),
    digest: text('c0ffee…', 'SHA-256 of the figures: what a filing records'),
    rows: array(object({ key: text('330102'), name: text('上城区'), ...FIGURES })),
    total: object(FIGURES),
  }),
);

export const FILING_RESULT = namedSchema('FilingResult', object({ filingId: text(), position: integer(42), digest: text(), report: STATISTICS }));

export const FILING_PAGE = namedSchema(
  'FilingPage',
  page(
    object({
      filingId: text(), period: text('2026Q1'), regionCode: nullable(text('3301')), sectors: nullable(array(text('gas'))), groupBy: oneOf(GROUP_BYS),
      position: integer(42), digest: text(), filedBy: text('admin-chen'), filedAt: time(),
    }),
  ),
);

export const FILING_VIEW = namedSchema(
  'FilingView',
  object({
    filing: anyObject('the filing as recorded: filingId, scope, rows, position, digest, filedBy, filedByDepartment, filedAt'),
    asFiled: object({ report: STATISTICS, recomputedDigest: text(), digestMatches: boolean('the log still gives the figures filed') }),
    asCorrected: object({ report: STATISTICS }),
    differences: array(object({ key: text('330102'), field: text('found'), asFiled: nullable(number(3)), asCorrected: nullable(number(4)) })),
    lateEntries: array(object({ hazardId: text(), occurrence: integer(1), type: text('HazardFound'), countsAt: time(), recordedAt: time(), position: integer(57) }), '迟报: entries recorded after the filing that count in its period'),
  }),
);
