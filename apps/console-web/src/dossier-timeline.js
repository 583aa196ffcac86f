// @ts-check
/**
 * The 时间线: every event of `GET /hazards/:id/history`, in order, with who (the actor's user and department,
 * from the event's metadata) and when (the time it occurred, in TIME_ZONE).
 */
import { el, table } from './dom.js';
import { formatTime } from './time.js';

/**
 * @typedef {object} HistoryEvent
 * @property {number} revision
 * @property {number} position
 * @property {string} type
 * @property {Record<string, any>} data
 * @property {{ actor?: { userId?: string, departmentId?: string }, occurredAt?: string }} metadata
 * @property {string} [recordedAt]
 */

/**
 * @param {HistoryEvent[]} events
 * @param {import('./names.js').Names} names
 * @param {(revision: number) => void} [showRevision] offers a 此时状态 button on each event when given
 */
export function timelineTable(events, names, showRevision) {
  const headers = ['版本', '时间', '事件', '经办人', '部门', '内容'];
  return table(
    showRevision ? [...headers, ''] : headers,
    events,
    (e) => {
      const cells = [String(e.revision), formatTime(e.metadata.occurredAt), names.eventType(e.type), who(e.metadata.actor?.userId), who(e.metadata.actor?.departmentId), summary(e, names)];
      if (!showRevision) return cells;
      const button = el('button', { type: 'button', class: 'no-print', 'data-show-revision': e.revision }, '此时状态');
      button.addEventListener('click', () => showRevision(e.revision));
      return [...cells, button];
    },
    { class: showRevision ? 'timeline with-actions' : 'timeline', 'data-table': 'timeline' },
    (e) => ({ 'data-revision': e.revision, 'data-type': e.type }),
  );
}

/**
 * The scheduler and the sagas act as `system` (an overdue mark, a 督办 imposed by rule): said so, not shown as a user.
 * @param {string | undefined} id
 */
const who = (id) => (id === undefined ? '—' : id === 'system' ? '系统（自动）' : id);

/**
 * One line of what the event says, in the words a 台账 uses; an event type this page does not know is shown by
 * its name alone (it is still counted and listed).
 * @param {HistoryEvent} event
 * @param {import('./names.js').Names} names
 */
function summary({ type, data: d }, names) {
  switch (type) {
    case 'HazardFound':
      return `${names.level(d.level)}隐患：${d.description}（来源：${d.source === undefined ? '—' : names.source(d.source)}）`;
    case 'HazardFoundAgain':
      return `第 ${d.occurrence} 轮：${d.description ?? ''}`;
    case 'RectificationAssigned':
      return `责任单位 ${d.responsibleUnitId}，责任人 ${d.responsiblePerson}，监管部门 ${d.supervisingDepartment}，期限 ${formatTime(d.deadline)}；${d.requirements}`;
    case 'RemediationPlanSubmitted':
      return `治理目标：${d.goals}`;
    case 'DeadlineExtensionRequested':
      return `${formatTime(d.currentDeadline)} → ${formatTime(d.newDeadline)}：${d.reason}`;
    case 'DeadlineExtended':
      return `${formatTime(d.previousDeadline)} → ${formatTime(d.newDeadline)}：${d.reason}`;
    case 'DeadlineExtensionDenied':
      return `申请延至 ${formatTime(d.requestedDeadline)}：${d.reason}`;
    case 'HazardRectified':
      return `完成于 ${formatTime(d.completedAt)}（${d.onTime ? '按期' : '逾期'}）：${d.measures}`;
    case 'HazardVerified':
    case 'VerificationFailed':
      return d.notes ?? '';
    case 'HazardReopened':
      return `第 ${d.occurrence} 轮：${d.reason}`;
    case 'RectificationOverdue':
      return `期限 ${formatTime(d.deadline)} 已过，责任单位 ${d.responsibleUnitId}`;
    case 'SupervisionImposed':
      return `${names.authority(d.authorityLevel)}督办，${d.department}（${names.supervisionReason(d.reason)}）`;
    case 'SupervisionLifted':
      return d.reason ?? '';
    case 'HazardLevelChanged':
      return `${names.level(d.from)} → ${names.level(d.to)}：${d.reason}`;
    default:
      return '';
  }
}
