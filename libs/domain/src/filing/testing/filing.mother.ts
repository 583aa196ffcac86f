import { Actor } from '../../shared/actor';
import { FileStatisticsReport, FiledReportContent } from '../filing.commands';

export const COMMAND_ID = '7d1f6c2a-3b4e-4f5a-8b9c-0d1e2f3a4b5c';
export const Q1_END = '2026-04-01T00:00:00+08:00';

export const admin: Actor = { userId: 'admin-chen', departmentId: 'dept-safety-committee', roles: ['admin'], sectors: ['*'], regions: ['*'] };
export const reviewer: Actor = { userId: 'rev-feng', departmentId: 'dept-safety-committee', roles: ['reviewer'], sectors: ['*'], regions: ['*'] };
export const gasSupervisor: Actor = { userId: 'sup-zhao', departmentId: 'dept-gas', roles: ['supervisor'], sectors: ['gas'], regions: ['3301'] };
export const gasInspector: Actor = { userId: 'insp-li', departmentId: 'dept-gas', roles: ['inspector'], sectors: ['gas'], regions: ['3301'] };
export const rectifier: Actor = { userId: 'rect-wu', departmentId: 'unit-gasco', roles: ['rectifier'], unitId: 'UNIT-GASCO' };

/** 2026Q1 of 杭州市, gas only, as the edge computed it at position 42. */
export function reportContent(overrides: Partial<FiledReportContent> = {}): FiledReportContent {
  return {
    period: '2026Q1',
    from: '2026-01-01T00:00:00+08:00',
    to: Q1_END,
    timeZone: 'Asia/Shanghai',
    regionCode: '3301',
    sectors: ['gas'],
    groupBy: 'region',
    rowKeys: ['330102', '330105', null],
    position: 42,
    digest: 'a'.repeat(64),
    definitionVersion: 1,
    catalogueVersion: 'c'.repeat(64),
    ...overrides,
  };
}

/** Filed by the gas supervisor on 04-04, after the quarter ended. */
export function fileStatisticsReport(overrides: Partial<FiledReportContent> = {}, actor: Actor = gasSupervisor, now = '2026-04-04T10:00:00+08:00'): FileStatisticsReport {
  return { type: 'FileStatisticsReport', data: { commandId: COMMAND_ID, ...reportContent(overrides) }, actor, now };
}
