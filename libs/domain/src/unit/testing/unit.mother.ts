import { Actor } from '../../shared/actor';
import { CorrectSelfCheckReport, RegisterUnit, RegisteredProfile, SelfCheckContent, SubmitSelfCheckReport, UpdateUnit } from '../unit.commands';
import { SelfCheckReportCorrected, SelfCheckReportSubmitted, UnitRegistered } from '../unit.events';
import { NamedHazard, SelfCheckWindow } from '../unit.values';

/** One gas company of 上城区 and the people around it; all times +08:00. */
export const CREDIT_CODE = '91330102MA2B000015';
export const OTHER_CREDIT_CODE = '91330102MA2B000028';
export const REGISTERED_AT = '2026-02-10T09:00:00+08:00';
export const NOW = '2026-04-02T10:00:00+08:00';
export const PRINCIPAL = { name: '王建国', phone: '13800000001' };

/** 2026-03: [03-01, 04-01), late from 04-16 00:00. */
export const MARCH: SelfCheckWindow = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00', lateFrom: '2026-04-16T00:00:00+08:00' };
export const APRIL: SelfCheckWindow = { from: '2026-04-01T00:00:00+08:00', to: '2026-05-01T00:00:00+08:00', lateFrom: '2026-05-16T00:00:00+08:00' };
export const MAY: SelfCheckWindow = { from: '2026-05-01T00:00:00+08:00', to: '2026-06-01T00:00:00+08:00', lateFrom: '2026-06-16T00:00:00+08:00' };

export const HAZARD_A = '0b1e7a52-6c1f-5d0e-9a3b-111111111111';
export const HAZARD_B = '0b1e7a52-6c1f-5d0e-9a3b-222222222222';

export const admin: Actor = { userId: 'admin-chen', departmentId: 'dept-safety-committee', roles: ['admin'], sectors: ['*'], regions: ['*'] };
export const reviewer: Actor = { userId: 'rev-feng', departmentId: 'dept-safety-committee', roles: ['reviewer'], sectors: ['*'], regions: ['*'] };
export const gasSupervisor: Actor = { userId: 'sup-zhao', departmentId: 'dept-gas', roles: ['supervisor'], sectors: ['gas'], regions: ['3301'] };
export const fireSupervisor: Actor = { userId: 'sup-sun', departmentId: 'dept-fire', roles: ['supervisor'], sectors: ['fire'], regions: ['*'] };
export const otherRegionSupervisor: Actor = { ...gasSupervisor, userId: 'sup-zhou', regions: ['3302'] };
export const inspector: Actor = { userId: 'insp-li', departmentId: 'dept-gas', roles: ['inspector'], sectors: ['gas'], regions: ['3301'] };
export const tipOfficer: Actor = { userId: 'tip-he', departmentId: 'dept-safety-committee', roles: ['tip-officer'], sectors: ['*'], regions: ['330102'] };
export const rectifier: Actor = { userId: 'rect-wu', departmentId: 'unit-gasco', roles: ['rectifier'], unitId: CREDIT_CODE };
export const otherRectifier: Actor = { userId: 'rect-zheng', departmentId: 'unit-other', roles: ['rectifier'], unitId: OTHER_CREDIT_CODE };

export const PROFILE: RegisteredProfile = {
  name: '杭州某某燃气有限公司',
  industry: 'gas',
  type: 'high-risk',
  regionCode: '330102',
  gridId: 'grid-0817',
  supervisingDepartments: ['dept-gas', 'dept-fire'],
  principal: PRINCIPAL,
  contacts: { email: 'safety@gasco.example', webhookUrl: 'https://gasco.example/hooks/safety' },
};

export function registerUnit(data: Partial<RegisteredProfile> = {}, actor: Actor = gasSupervisor, creditCode = CREDIT_CODE): RegisterUnit {
  return { type: 'RegisterUnit', creditCode, data: { ...PROFILE, ...data }, actor, now: REGISTERED_AT };
}

export function updateUnit(data: UpdateUnit['data'], actor: Actor = gasSupervisor): UpdateUnit {
  return { type: 'UpdateUnit', creditCode: CREDIT_CODE, data, actor, now: NOW };
}

export function unitRegistered(data: Partial<UnitRegistered['data']> = {}): UnitRegistered {
  return {
    type: 'UnitRegistered',
    data: { creditCode: CREDIT_CODE, ...PROFILE, gridId: 'grid-0817', contacts: { email: 'safety@gasco.example', webhookUrl: 'https://gasco.example/hooks/safety' }, registeredAt: REGISTERED_AT, ...data },
  };
}

/** HAZARD_A: this unit's, found in its own self-check on 03-12. */
export function selfFound(hazardId = HAZARD_A, at = '2026-03-12T10:00:00+08:00', unitId = CREDIT_CODE): NamedHazard {
  return { hazardId, unitId, selfCheckFindings: [at] };
}

export function content(overrides: Partial<SelfCheckContent> = {}): SelfCheckContent {
  return { period: '2026-03', window: MARCH, hazardIds: [HAZARD_A], zeroHazard: false, signedBy: PRINCIPAL.name, hazards: [selfFound()], ...overrides };
}

export const zeroHazard = (overrides: Partial<SelfCheckContent> = {}) => content({ hazardIds: [], zeroHazard: true, hazards: [], ...overrides });

export function submitReport(overrides: Partial<SelfCheckContent> = {}, now = NOW, actor: Actor = rectifier): SubmitSelfCheckReport {
  return { type: 'SubmitSelfCheckReport', creditCode: CREDIT_CODE, data: content(overrides), actor, now };
}

export function correctReport(overrides: Partial<SelfCheckContent> = {}, reason = '漏报一项隐患', now = '2026-04-05T10:00:00+08:00', actor: Actor = rectifier): CorrectSelfCheckReport {
  return { type: 'CorrectSelfCheckReport', creditCode: CREDIT_CODE, data: { ...content(overrides), reason }, actor, now };
}

export function reportSubmitted(overrides: Partial<SelfCheckReportSubmitted['data']> = {}): SelfCheckReportSubmitted {
  return { type: 'SelfCheckReportSubmitted', data: { period: '2026-03', zeroHazard: false, hazardIds: [HAZARD_A], signedBy: PRINCIPAL.name, submittedAt: NOW, late: false, ...overrides } };
}

export function reportCorrected(overrides: Partial<SelfCheckReportCorrected['data']> = {}): SelfCheckReportCorrected {
  return {
    type: 'SelfCheckReportCorrected',
    data: { period: '2026-03', zeroHazard: false, hazardIds: [HAZARD_A, HAZARD_B], signedBy: PRINCIPAL.name, reason: '漏报一项隐患', correctedAt: '2026-04-05T10:00:00+08:00', ...overrides },
  };
}
