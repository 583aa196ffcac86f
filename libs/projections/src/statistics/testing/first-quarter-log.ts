import {
  deadlineExtended,
  deadlineExtensionRequested,
  hazardFound,
  hazardFoundAgain,
  hazardLevelChanged,
  hazardRectified,
  hazardReopened,
  hazardVerified,
  rectificationAssigned,
  remediationPlanSubmitted,
  supervisionImposed,
  supervisionLifted,
  verificationFailed,
} from '../../../../domain/src/testing/hazard.mother';
import { hazardNamed, RecordedLog } from './recorded-log';

export const A = hazardNamed('A');
export const B = hazardNamed('B');
export const C = hazardNamed('C');
export const D = hazardNamed('D');
export const E = hazardNamed('E');
export const F = hazardNamed('F');
export const G = hazardNamed('G');
export const H = hazardNamed('H');

/** When the quarter's filing was made: after everything below except E's late finding. */
export const FILED_AT = '2026-04-04T10:00:00+08:00';
export const E_DISCOVERED = '2026-03-31T23:59:00+08:00';
export const E_RECORDED = '2026-04-05T09:00:00+08:00';

const found = (hazardId: string, unit: string, data: Parameters<typeof hazardFound>[0]) => hazardFound({ hazardId, unitId: `UNIT-${unit}`, location: `${unit}号楼`, ...data });
const t = (day: string, time = '10:00') => `2026-${day}T${time}:00+08:00`;

/**
 * 2026Q1 in 杭州市 (3301), every case the figures distinguish, recorded in time order:
 * - A 上城区 gas general inspection: found 01-05, rectified on time, verified 01-25.
 * - B 上城区 gas self-check, general → major on 02-01, two plans (5 yuan, then 0.1), found again while open,
 *   extended to 03-10 and still not rectified (overdue at end), city supervision from 02-15.
 * - C 拱墅区 fire major citizen report 02-20: plan 0.2 yuan, on time, failed verification, late, verified 03-25;
 *   county supervision 02-21, lifted 03-25.
 * - D 拱墅区 gas general, found 2025-12-20, verified 02-01 (on time), reopened 03-01 (cycle 2), county supervision 03-02.
 * - E 西湖区 construction general monitoring, discovered 03-31 23:59, recorded 04-05: the late finding (迟报).
 * - F 上城区 gas, discovered 04-01 00:00: the next quarter.
 * - G 宁波市 (3302) gas: outside 3301.
 * - H 330199 (no catalogue child: 其他) sector mining (not in the catalogue), general media 03-05, verified 03-10,
 *   found again by a citizen report 03-20 (cycle 2), province supervision 03-25, major only from 04-03.
 */
export function firstQuarterLog(): RecordedLog {
  const log = new RecordedLog();
  log
    .record(D, found(D, 'D', { sector: 'gas', regionCode: '330105', level: 'general', source: 'inspection', discoveredAt: '2025-12-20T09:00:00+08:00' }), '2025-12-20T10:00:00+08:00')
    .record(D, rectificationAssigned({ deadline: t('01-10'), occurrence: 1 }), '2025-12-21T10:00:00+08:00')
    .record(A, found(A, 'A', { sector: 'gas', regionCode: '330102', level: 'general', source: 'inspection', discoveredAt: t('01-05', '09:00') }), t('01-05'))
    .record(A, rectificationAssigned({ deadline: t('01-20') }), t('01-06'))
    .record(D, hazardRectified({ deadline: t('01-10'), onTime: true }), t('01-08'))
    .record(B, found(B, 'B', { sector: 'gas', regionCode: '330102', level: 'general', source: 'self-check', discoveredAt: t('01-10') }), t('01-10'))
    .record(B, rectificationAssigned({ deadline: t('02-10') }), t('01-11'))
    .record(A, hazardRectified({ deadline: t('01-20'), onTime: true }), t('01-18'))
    .record(A, hazardVerified(), t('01-25'))
    .record(B, hazardLevelChanged({ from: 'general', to: 'major' }), t('02-01', '09:00'))
    .record(D, hazardVerified(), t('02-01'))
    .record(B, remediationPlanSubmitted({ fundingAmount: 5 }), t('02-02'))
    .record(B, remediationPlanSubmitted({ fundingAmount: 0.1 }), t('02-03'))
    .record(B, hazardFoundAgain({ hazardId: B, previousStatus: 'assigned', occurrence: 1, repeatFindings: 1, source: 'inspection', discoveredAt: t('02-05') }), t('02-05'))
    .record(B, deadlineExtensionRequested({ currentDeadline: t('02-10'), newDeadline: t('03-10') }), t('02-08'))
    .record(B, deadlineExtended({ previousDeadline: t('02-10'), newDeadline: t('03-10') }), t('02-09'))
    .record(B, supervisionImposed({ authorityLevel: 'city' }), t('02-15'))
    .record(C, found(C, 'C', { sector: 'fire', regionCode: '330105', level: 'major', source: 'citizen-report', discoveredAt: t('02-20', '08:00') }), t('02-20'))
    .record(C, rectificationAssigned({ deadline: t('03-15') }), t('02-21'))
    .record(C, supervisionImposed({ authorityLevel: 'county' }), t('02-21', '11:00'))
    .record(C, remediationPlanSubmitted({ fundingAmount: 0.2 }), t('02-22'))
    .record(C, hazardRectified({ deadline: t('03-15'), onTime: true }), t('03-01', '09:00'))
    .record(D, hazardReopened({ occurrence: 2 }), t('03-01'))
    .record(D, supervisionImposed({ authorityLevel: 'county' }), t('03-02'))
    .record(C, verificationFailed(), t('03-03'))
    .record(H, found(H, 'H', { sector: 'mining', regionCode: '330199', level: 'general', source: 'media', discoveredAt: t('03-05', '08:00') }), t('03-05'))
    .record(H, rectificationAssigned({ deadline: t('03-09') }), t('03-05', '11:00'))
    .record(G, found(G, 'G', { sector: 'gas', regionCode: '330203', level: 'general', source: 'inspection', discoveredAt: t('03-06') }), t('03-06'))
    .record(H, hazardRectified({ deadline: t('03-09'), onTime: true }), t('03-08'))
    .record(H, hazardVerified(), t('03-10'))
    .record(H, hazardFoundAgain({ hazardId: H, previousStatus: 'verified', occurrence: 2, repeatFindings: 1, source: 'citizen-report', discoveredAt: t('03-20', '08:00') }), t('03-20'))
    .record(C, hazardRectified({ deadline: t('03-15'), onTime: false }), t('03-20', '11:00'))
    .record(C, hazardVerified(), t('03-25'))
    .record(C, supervisionLifted(), t('03-25', '11:00'))
    .record(H, supervisionImposed({ authorityLevel: 'province' }), t('03-25', '12:00'))
    .record(F, found(F, 'F', { sector: 'gas', regionCode: '330102', level: 'general', source: 'inspection', discoveredAt: '2026-04-01T00:00:00+08:00' }), t('04-01', '08:00'))
    .record(H, hazardLevelChanged({ from: 'general', to: 'major' }), t('04-03'))
    .record(E, found(E, 'E', { sector: 'construction', regionCode: '330106', level: 'general', source: 'monitoring', discoveredAt: E_DISCOVERED }), E_RECORDED);
  return log;
}
