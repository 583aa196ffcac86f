/** Request bodies for the walk of one gas hazard, overridable per test. */
let counter = 0;

export function reportBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    unitId: 'UNIT-GASCO',
    unitName: '某某燃气有限公司',
    location: `3号楼 地下室 调压箱 ${counter}`,
    categoryCode: 'GAS-PIPE-AGING',
    sector: 'gas',
    regionCode: '330102',
    level: 'general',
    source: 'inspection',
    description: '调压箱锈蚀严重，存在漏气风险',
    discoveredAt: '2026-02-28T09:30:00+08:00',
    evidence: ['photo-001.jpg'],
    ...overrides,
  };
}

export function assignBody(overrides: Record<string, unknown> = {}) {
  return {
    responsibleUnitId: 'UNIT-GASCO',
    responsiblePerson: '张三',
    supervisingDepartment: 'dept-gas',
    deadline: '2026-03-31T18:00:00+08:00',
    requirements: '更换锈蚀调压箱，加装泄漏报警',
    ...overrides,
  };
}

export const planBody = {
  goals: '消除漏气隐患',
  measures: '更换调压箱',
  funding: '企业自筹20万元',
  organisation: '安全科 张三',
  timeline: '3月底前完成',
  safetyMeasures: '施工期间设置警戒区，制定应急预案',
};

export function rectificationBody(overrides: Record<string, unknown> = {}) {
  return { measures: '已更换调压箱', evidence: ['after-001.jpg'], completedAt: '2026-03-10T17:00:00+08:00', ...overrides };
}

/** 销号申请 of a rectified major hazard. */
export function closureBody(overrides: Record<string, unknown> = {}) {
  return { assessedBy: 'experts', assessor: '某某安全评价有限公司', summary: '经专家评估，隐患已消除', evidence: ['assessment-001.pdf'], resumeProduction: true, ...overrides };
}
