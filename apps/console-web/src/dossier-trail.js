// @ts-check
/**
 * 责任追溯 from `GET /hazards/:id/trail` (reporting delay, each cycle's responsibility, deadlines, extensions,
 * rectifications, overdue days per unit, verifications, supervision) and 通知记录 from `…/notifications`.
 */
import { el, table } from './dom.js';
import { formatTime } from './time.js';

/** @typedef {import('./names.js').Names} Names */

const CAUSES = { found: '发现', 'found-again': '验收后再次发现', reopened: '重新打开' };
const INTERVAL_CAUSES = { assignment: '交办', reassignment: '重新交办', 'verification-failed': '验收不通过后继续' };
const DECISIONS = { approved: '批准', denied: '不予批准', pending: '待决定', lapsed: '已失效' };
const DEADLINE_BY = { assignment: '交办', extension: '延期' };

/**
 * @template {Record<string, string>} T
 * @param {T} names
 * @param {string | undefined} code
 */
const nameIn = (names, code) => (code === undefined ? '—' : (new Map(Object.entries(names)).get(code) ?? code));
const yes = (/** @type {boolean | undefined} */ value) => (value === undefined ? '—' : value ? '是' : '否');

/**
 * @param {any} trail
 * @param {Names} names
 */
export function trailSection(trail, names) {
  const r = trail.reporting;
  return el(
    'div',
    { 'data-trail': '' },
    r &&
      el(
        'p',
        { 'data-trail-reporting': '' },
        `报告：${r.reportedBy}（${r.reportingDepartment}），发现于 ${formatTime(r.discoveredAt)}，录入于 ${formatTime(r.recordedAt)}，`,
        `相隔 ${r.delayHours ?? '—'} 小时${r.late ? `，超过 ${trail.lateReportHours} 小时，属迟报` : ''}。`,
      ),
    (trail.cycles ?? []).map((/** @type {any} */ cycle) => cycleSection(cycle, names)),
    trail.supervision?.length
      ? [
          el('h4', {}, '挂牌督办'),
          table(['时间', '动作', '级别', '原因', '部门', '经办人', '文书编号'], trail.supervision, (/** @type {any} */ s) => [
            formatTime(s.at), s.action === 'imposed' ? '挂牌' : '解除', s.level ? names.authority(s.level) : '—',
            s.action === 'imposed' ? names.supervisionReason(s.reason) : s.reason, s.department, s.by, s.documentNo ?? '—',
          ]),
        ]
      : null,
  );
}

/**
 * @param {any} c
 * @param {Names} names
 */
function cycleSection(c, names) {
  const overdueDays = Object.entries(c.overdueDaysByUnit ?? {});
  return el(
    'section',
    { class: 'cycle', 'data-cycle': c.occurrence },
    el('h4', {}, `第 ${c.occurrence} 轮（${nameIn(CAUSES, c.cause)}）：${formatTime(c.startedAt)} 至 ${c.endedAt ? formatTime(c.endedAt) : '今'}`),
    table(['责任单位', '责任人', '监管部门', '交办人', '方式', '自', '至', '天数'], c.responsibility ?? [], (/** @type {any} */ i) => [
      i.responsibleUnitId, i.responsiblePerson, i.supervisingDepartment, i.assignedBy, nameIn(INTERVAL_CAUSES, i.cause), formatTime(i.from), i.to ? formatTime(i.to) : '今', String(i.days),
    ]),
    table(['整改期限', '设定时间', '依据'], c.deadlines ?? [], (/** @type {any} */ d) => [formatTime(d.deadline), formatTime(d.setAt), nameIn(DEADLINE_BY, d.by)]),
    c.extensions?.length
      ? table(['申请时间', '申请人', '原期限', '新期限', '理由', '决定', '决定人', '决定时间'], c.extensions, (/** @type {any} */ e) => [
          formatTime(e.requestedAt), e.requestedBy ?? '—', formatTime(e.previousDeadline), formatTime(e.newDeadline), e.reason ?? '—', nameIn(DECISIONS, e.decision), e.decidedBy ?? '—', formatTime(e.decidedAt),
        ])
      : null,
    table(['整改提交', '完成时间', '提交人', '责任单位', '期限', '按期'], c.rectifications ?? [], (/** @type {any} */ r) => [
      formatTime(r.submittedAt), formatTime(r.completedAt), r.submittedBy, r.responsibleUnitId, formatTime(r.deadline), yes(r.onTime),
    ]),
    overdueDays.length ? el('p', {}, `逾期天数：${overdueDays.map(([unit, days]) => `${unit} ${days} 天`).join('；')}`) : null,
    c.failedVerifications?.length
      ? table(['验收不通过', '验收人', '部门', '意见'], c.failedVerifications, (/** @type {any} */ v) => [formatTime(v.at), v.by, v.department, v.notes])
      : null,
    c.verification
      ? el('p', { 'data-verification': '' }, `验收通过：${formatTime(c.verification.at)}，${c.verification.by}（${c.verification.department}）：${c.verification.notes}`, c.verification.held ? '' : `；验收后于 ${formatTime(c.recurredAt)} 再次发现`)
      : null,
    c.closures?.length ? el('p', {}, `销号申请 ${c.closures.length} 次`) : null,
    c.notifications?.length ? el('p', {}, `本轮通知 ${c.notifications.length} 条（见通知记录）`) : null,
  );
}

/**
 * @param {{ items: any[] }} notifications
 * @param {Names} names
 */
export function notificationsTable({ items }, names) {
  return table(['发起时间', '档位', '接收方', '渠道', '状态', '尝试次数', '完成时间'], items, (n) => [
    formatTime(n.requestedAt), names.notice(n.rung), `${n.recipient?.name ?? n.recipient?.id ?? '—'}`, names.notice(n.channel), n.error ? `${names.notice(n.status)}（${n.error}）` : names.notice(n.status), String(n.attempts ?? 0), formatTime(n.at),
  ], { 'data-table': 'notifications' });
}
