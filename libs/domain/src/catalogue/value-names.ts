import { AuthorityLevel, AUTHORITY_LEVELS } from '../shared/actor';
import { HazardLevel, HazardSource, HazardStatus, LEVELS, SOURCES, STATUSES, SUPERVISION_REASONS, SupervisionReason } from '../hazard/hazard-values';
import { CatalogueEntry } from './catalogue.types';

/** zh-CN names of the domain's own value sets, as GET /catalogue, the exports and the CLI show them. */
export const STATUS_NAMES: Record<HazardStatus, string> = { found: '已发现待交办', assigned: '整改中', rectified: '已整改待验收', verified: '已验收销号', reopened: '重新整改' };
export const LEVEL_NAMES: Record<HazardLevel, string> = { general: '一般', major: '重大' };
export const SOURCE_NAMES: Record<HazardSource, string> = {
  inspection: '部门检查',
  'self-check': '企业自查',
  'citizen-report': '群众举报',
  monitoring: '监测预警',
  media: '媒体曝光',
  other: '其他',
};
export const AUTHORITY_NAMES: Record<AuthorityLevel, string> = { county: '县级', city: '市级', province: '省级' };
export const SUPERVISION_REASON_NAMES: Record<SupervisionReason, string> = { major: '重大事故隐患', overdue: '逾期未整改', recurrence: '屡查屡犯', manual: '人工挂牌' };

const entries = <T extends string>(codes: readonly T[], names: Record<T, string>): CatalogueEntry[] => codes.map((code) => ({ code, name: names[code] }));

/** The value sets as `[{code, name}]`, in the order the domain declares them. */
export const VALUE_SETS = {
  statuses: entries(STATUSES, STATUS_NAMES),
  levels: entries(LEVELS, LEVEL_NAMES),
  sources: entries(SOURCES, SOURCE_NAMES),
  authorityLevels: entries(AUTHORITY_LEVELS, AUTHORITY_NAMES),
  supervisionReasons: entries(SUPERVISION_REASONS, SUPERVISION_REASON_NAMES),
} as const;
