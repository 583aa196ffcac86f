import { SourceBucket } from './cycle-at-end';

/** zh-CN names the 统计分析表 uses for row keys that are not catalogue codes. */
export const OTHER_ROW_NAME = '其他';

export const LEVEL_ROW_NAMES = { general: '一般隐患', major: '重大隐患' } as const;

export const SOURCE_NAMES: Readonly<Record<SourceBucket, string>> = {
  inspection: '部门检查',
  'self-check': '企业自查',
  'citizen-report': '群众举报',
  other: '其他',
};

export const GROUP_BY_NAMES = { region: '按区划', sector: '按行业', level: '按隐患等级', source: '按隐患来源' } as const;

/** Each figure (flattened as `differences` names it) in the words of the 表. */
export const FIGURE_NAMES: Readonly<Record<string, string>> = {
  found: '排查隐患 合计',
  foundGeneral: '排查隐患 一般',
  foundMajor: '排查隐患 重大',
  foundRectifiedGeneral: '一般隐患 已整改',
  foundRectifiedMajor: '重大隐患 已整改',
  rectificationRateGeneral: '一般隐患 整改率',
  rectificationRateMajor: '重大隐患 整改率',
  rectifiedGeneral: '一般隐患 本期整改销号',
  rectifiedMajor: '重大隐患 本期整改销号',
  rectifiedOnTime: '按期整改',
  onTimeRate: '按期整改率',
  openAtEnd: '期末未整改',
  overdueAtEnd: '期末逾期',
  'supervisedAtEnd.county': '期末挂牌督办 县级',
  'supervisedAtEnd.city': '期末挂牌督办 市级',
  'supervisedAtEnd.province': '期末挂牌督办 省级',
  withPlan: '列入治理计划',
  fundingPlanned: '治理资金（元）',
  'bySource.inspection': '隐患来源 部门检查',
  'bySource.self-check': '隐患来源 企业自查',
  'bySource.citizen-report': '隐患来源 群众举报',
  'bySource.other': '隐患来源 其他',
};
