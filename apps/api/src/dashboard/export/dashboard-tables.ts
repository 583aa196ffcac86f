import { DepartmentScorecard, OverdueHazard, RepeatUnit } from '@hazard/projections';
import { TableSpec } from './tabular';

const LEVEL: Record<string, string> = { general: '一般', major: '重大' };
const STATUS: Record<string, string> = { found: '已发现', assigned: '整改中', rectified: '待验收', verified: '已验收', reopened: '重新整改' };

/** 逾期隐患 */
export const OVERDUE_TABLE: TableSpec<OverdueHazard> = {
  name: 'overdue-hazards',
  title: '逾期隐患',
  columns: [
    { header: '隐患编号', value: (r) => r.hazardId, width: 38 },
    { header: '单位代码', value: (r) => r.unitId, width: 22 },
    { header: '单位名称', value: (r) => r.unitName, width: 28 },
    { header: '位置', value: (r) => r.location, width: 24 },
    { header: '行业', value: (r, names) => names.sector(r.sector) },
    { header: '区划代码', value: (r) => r.regionCode },
    { header: '区划名称', value: (r, names) => names.region(r.regionCode), width: 20 },
    { header: '等级', value: (r) => LEVEL[r.level] ?? r.level, width: 8 },
    { header: '状态', value: (r) => STATUS[r.status] ?? r.status, width: 10 },
    { header: '责任单位', value: (r) => r.responsibleUnitId, width: 22 },
    { header: '责任人', value: (r) => r.responsiblePerson, width: 10 },
    { header: '督办部门', value: (r) => r.supervisingDepartment },
    { header: '整改期限', value: (r) => r.deadline, width: 26 },
    { header: '逾期天数', value: (r) => r.daysOverdue, width: 10 },
    { header: '挂牌督办', value: (r) => r.underSupervision, width: 10 },
  ],
};

/** 屡查屡犯单位 */
export const REPEAT_UNITS_TABLE: TableSpec<RepeatUnit> = {
  name: 'repeat-units',
  title: '屡查屡犯单位',
  columns: [
    { header: '排名', value: (r) => r.rank, width: 6 },
    { header: '单位代码', value: (r) => r.unitId, width: 22 },
    { header: '单位名称', value: (r) => r.unitName, width: 28 },
    { header: '重复发现次数', value: (r) => r.foundAgain, width: 14 },
    { header: '隐患数', value: (r) => r.hazards, width: 10 },
    { header: '重复发现隐患数', value: (r) => r.repeatHazards, width: 16 },
    { header: '发现总次数', value: (r) => r.findings, width: 12 },
  ],
};

/** 部门履职情况 */
export const DEPARTMENTS_TABLE: TableSpec<DepartmentScorecard> = {
  name: 'department-scorecards',
  title: '部门履职情况',
  columns: [
    { header: '督办部门', value: (r) => r.department, width: 24 },
    { header: '交办整改', value: (r) => r.assigned, width: 10 },
    { header: '已整改', value: (r) => r.rectified, width: 10 },
    { header: '按期整改', value: (r) => r.onTime, width: 10 },
    { header: '按期整改率', value: (r) => r.onTimeRate, width: 12 },
    { header: '验收通过', value: (r) => r.verified, width: 10 },
    { header: '当前逾期', value: (r) => r.overdueNow, width: 10 },
    { header: '逾期天数', value: (r) => r.overdueDays, width: 10 },
    { header: '验收后复发', value: (r) => r.verificationsNotHeld, width: 12 },
    { header: '销号审查超期', value: (r) => r.closureReviewsOverdue, width: 14 },
  ],
};
