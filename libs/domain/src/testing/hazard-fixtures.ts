import { Actor, AssignRectification, hazardIdFor, HazardKey, RemediationPlan, ReportHazard, SYSTEM_ACTOR } from '..';

/**
 * Time is data: the decider has no clock and neither do its tests. One gas hazard's calendar, all +08:00,
 * in the order things happen to it.
 */
export const DISCOVERED_AT = '2026-02-28T09:30:00+08:00';
export const NOW = '2026-03-01T08:00:00+08:00';
export const COMPLETED_AT = '2026-03-10T17:00:00+08:00';
export const RECTIFIED_AT = '2026-03-11T09:00:00+08:00';
export const VERIFIED_AT = '2026-03-12T10:00:00+08:00';
export const DEADLINE = '2026-03-15T18:00:00+08:00';
export const AFTER_DEADLINE = '2026-03-16T09:00:00+08:00';
export const EXTENDED_DEADLINE = '2026-03-31T18:00:00+08:00';
export const AFTER_EXTENDED_DEADLINE = '2026-04-01T09:00:00+08:00';
/** 销号: the unit applies after its rectification; the review is due CLOSURE_REVIEW_DAYS (10) × 24 h later. */
export const APPLIED_AT = '2026-03-11T15:00:00+08:00';
export const REVIEW_DEADLINE = '2026-03-21T07:00:00.000Z';
export const AFTER_REVIEW_DEADLINE = '2026-03-21T07:00:00.001Z';
/** 督办通知书: imposed at NOW, to be signed for within NOTICE_SIGN_DAYS (3) × 24 h; served, then signed. */
export const NOTICE_SIGN_DUE = '2026-03-04T00:00:00.000Z';
export const SERVED_AT = '2026-03-02T10:00:00+08:00';
export const SIGNED_AT = '2026-03-02T15:00:00+08:00';
export const DOCUMENT_NO = '安委办督〔2026〕1号';

export const SECTOR = 'gas';
export const REGION_CODE = '330102';
export const UNIT_ID = 'UNIT-GASCO';
export const OTHER_UNIT_ID = 'UNIT-OTHER';

export const KEY: HazardKey = { unitId: UNIT_ID, location: '3号楼 地下室 调压箱', categoryCode: 'GAS-PIPE-AGING' };
export const HAZARD_ID = hazardIdFor(KEY);

/** The people of a city gas department and the units it supervises (mirrors test/support/actors.ts). */
export const inspector: Actor = { userId: 'insp-li', departmentId: 'dept-gas', roles: ['inspector'], sectors: [SECTOR], regions: ['3301'] };
export const inspector2: Actor = { ...inspector, userId: 'insp-wang' };
/** A district gas bureau's supervisor: acts for the county level (区县级), enough to close county-supervised hazards. */
export const supervisor: Actor = { userId: 'sup-zhao', departmentId: 'dept-gas', roles: ['supervisor'], sectors: [SECTOR], regions: ['3301'], authority: 'county' };
export const supervisor2: Actor = { ...supervisor, userId: 'sup-qian' };
export const fireSupervisor: Actor = { userId: 'sup-sun', departmentId: 'dept-fire', roles: ['supervisor'], sectors: ['fire'], regions: ['*'] };
export const otherRegionSupervisor: Actor = { ...supervisor, userId: 'sup-zhou', regions: ['3302'] };
export const rectifier: Actor = { userId: 'rect-wu', departmentId: 'unit-gasco', roles: ['rectifier'], unitId: UNIT_ID };
export const otherRectifier: Actor = { userId: 'rect-zheng', departmentId: 'unit-other', roles: ['rectifier'], unitId: OTHER_UNIT_ID };
/** 举报受理: handles citizen reports; issues no hazard command. */
export const tipOfficer: Actor = { userId: 'tip-he', departmentId: 'dept-safety-committee', roles: ['tip-officer'], sectors: ['*'], regions: ['3301'] };
export const reviewer: Actor = { userId: 'rev-feng', departmentId: 'dept-safety-committee', roles: ['reviewer'], sectors: ['*'], regions: ['*'] };
export const admin: Actor = { userId: 'admin-chen', departmentId: 'dept-safety-committee', roles: ['admin'] };
export const system: Actor = SYSTEM_ACTOR;

export function anActor(overrides: Partial<Actor> = {}): Actor {
  return { ...supervisor, ...overrides };
}

export const REPORT: ReportHazard['data'] = {
  ...KEY,
  unitName: '某某燃气有限公司',
  sector: SECTOR,
  regionCode: REGION_CODE,
  level: 'general',
  source: 'inspection',
  description: '调压箱锈蚀严重，存在漏气风险',
  discoveredAt: DISCOVERED_AT,
  evidence: ['photo-001.jpg'],
};

export const ASSIGNMENT: AssignRectification['data'] = {
  responsibleUnitId: UNIT_ID,
  responsiblePerson: '张三',
  supervisingDepartment: 'dept-gas',
  deadline: DEADLINE,
  requirements: '更换锈蚀调压箱，加装泄漏报警',
};

/** 治理方案, all six parts. */
export const PLAN: RemediationPlan = {
  goals: '消除漏气隐患',
  measures: '更换调压箱',
  funding: '企业自筹20万元',
  organisation: '安全科 张三',
  timeline: '3月底前完成',
  safetyMeasures: '施工期间设置警戒区，制定应急预案',
};

export const RECTIFICATION = { measures: '已更换调压箱', evidence: ['after-001.jpg'], completedAt: COMPLETED_AT } as const;
export const EXTENSION_REASON = '设备到货延迟';
export const DECISION_REASON = '经研究决定';
export const VERIFICATION_NOTES = '现场复核';
export const REOPEN_REASON = '群众投诉仍有异味';
export const LIFT_REASON = '整改验收合格';
export const RECLASSIFY_REASON = '涉及人员密集场所';
export const CLOSURE_ASSESSOR = '某某安全评价有限公司';
export const CLOSURE_SUMMARY = '经专家评估，调压箱已更换，泄漏报警装置运行正常，隐患已消除';
