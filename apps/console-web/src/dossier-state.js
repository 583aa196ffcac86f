// @ts-check
/**
 * The 隐患档案's 基本信息与状态: the hazard's state as `GET /hazards/:id` (now) or `…/state` (as of a time or a
 * revision) answers it, one row per field. Each row carries the raw value in data-code, so a reader (or a test)
 * can compare it with the API's answer.
 */
import { el } from './dom.js';
import { formatTime } from './time.js';

/**
 * @typedef {object} HazardState the parts of the state the dossier shows
 * @property {string} hazardId
 * @property {string} unitId
 * @property {string} unitName
 * @property {string} location
 * @property {string} categoryCode
 * @property {string} sector
 * @property {string} regionCode
 * @property {string | null} gridId
 * @property {string} level
 * @property {string} [source]
 * @property {string} description
 * @property {string} discoveredAt
 * @property {string | null} basisCode
 * @property {string} status
 * @property {number} occurrence
 * @property {number} repeatFindings
 * @property {boolean} overdue
 * @property {boolean} underSupervision
 * @property {number} extensionCount
 * @property {string[]} [tipNos]
 * @property {{ responsibleUnitId: string, responsiblePerson: string, supervisingDepartment: string, deadline: string, requirements: string, assignedAt: string } | null} [assignment]
 * @property {string | null} [deadline]
 * @property {{ submittedBy: string, responsibleUnitId: string, completedAt: string } | null} [lastRectification]
 * @property {{ level?: string, reason?: string, department?: string, documentNo?: string | null } | null} [supervision]
 * @property {number} revision
 * @property {number} position
 */

/**
 * @param {HazardState} state
 * @param {import('./names.js').Names} names
 */
export function stateTable(state, names) {
  const a = state.assignment ?? null;
  /** @type {[string, string, string | number | boolean | null | undefined, string][]} field, label, raw value, shown */
  const rows = [
    ['status', '状态', state.status, names.status(state.status)],
    ['unitName', '单位', state.unitName, `${state.unitName}（${state.unitId}）`],
    ['location', '位置', state.location, state.location],
    ['categoryCode', '隐患类别', state.categoryCode, state.categoryCode],
    ['sector', '行业', state.sector, names.sector(state.sector)],
    ['regionCode', '区域', state.regionCode, names.region(state.regionCode)],
    ['level', '等级', state.level, names.level(state.level)],
    ['source', '来源', state.source, state.source === undefined ? '—' : names.source(state.source)],
    ['description', '隐患描述', state.description, state.description],
    ['discoveredAt', '发现时间', state.discoveredAt, formatTime(state.discoveredAt)],
    ['occurrence', '整改轮次', state.occurrence, `第 ${state.occurrence} 轮`],
    ['repeatFindings', '复查仍存在', state.repeatFindings, `${state.repeatFindings} 次`],
    ['responsibleUnitId', '责任单位', a?.responsibleUnitId, a?.responsibleUnitId ?? '—'],
    ['responsiblePerson', '责任人', a?.responsiblePerson, a?.responsiblePerson ?? '—'],
    ['supervisingDepartment', '监管部门', a?.supervisingDepartment, a?.supervisingDepartment ?? '—'],
    ['deadline', '整改期限', state.deadline, formatTime(state.deadline)],
    ['requirements', '整改要求', a?.requirements, a?.requirements ?? '—'],
    ['extensionCount', '延期次数', state.extensionCount, String(state.extensionCount)],
    ['completedAt', '整改完成时间', state.lastRectification?.completedAt, formatTime(state.lastRectification?.completedAt)],
    ['overdue', '逾期', state.overdue, state.overdue ? '是' : '否'],
    ['underSupervision', '挂牌督办', state.underSupervision, supervisionText(state, names)],
    ['tipNos', '关联举报', state.tipNos?.join(','), state.tipNos?.length ? state.tipNos.join('、') : '—'],
    ['revision', '版本（revision）', state.revision, String(state.revision)],
    ['position', '数据位置', state.position, String(state.position)],
  ];
  return el(
    'table',
    { class: 'fields', 'data-table': 'state' },
    el('tbody', {}, rows.map(([field, label, raw, shown]) => el('tr', { 'data-field': field, 'data-code': raw === undefined || raw === null ? '' : String(raw) }, el('th', {}, label), el('td', {}, shown)))),
  );
}

/**
 * @param {HazardState} state
 * @param {import('./names.js').Names} names
 */
function supervisionText(state, names) {
  const s = state.supervision;
  if (!state.underSupervision || !s) return state.underSupervision ? '是' : '否';
  const parts = [s.level && `${names.authority(s.level)}督办`, s.reason && names.supervisionReason(s.reason), s.department, s.documentNo];
  return `是（${parts.filter(Boolean).join('，')}）`;
}
