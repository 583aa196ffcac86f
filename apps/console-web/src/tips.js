// @ts-check
/**
 * 举报受理 for tip officers: the inbox (`GET /tips`, the officer's regions) and a tip's page (`GET /tips/:id`,
 * its history and integrity). The reporter's identity is never fetched here: reading it is recorded and needs a
 * reason, so it stays a deliberate act (`GET /tips/:id/reporter?reason=`), not a page load.
 */
import { getJson, queryOf } from './api.js';
import { el, replace, table } from './dom.js';
import { timelineTable } from './dossier-timeline.js';
import { integrityBadge } from './integrity-badge.js';
import { formatTime } from './time.js';

const PAGE_SIZE = 20;

/**
 * @param {HTMLElement} view
 * @param {{ token: string, names: import('./names.js').Names, catalogue: any }} context
 * @param {URLSearchParams} params
 */
export async function showTipInbox(view, { token, names }, params) {
  const filter = { status: params.get('status') ?? undefined, overdue: params.get('overdue') ?? undefined };
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const list = await getJson(`/tips${queryOf({ ...filter, page, pageSize: PAGE_SIZE })}`, token);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const status = el('select', { name: 'status' }, el('option', { value: '' }, '全部'), ['received', 'accepted', 'assigned', 'verified', 'answered', 'review-requested', 'rejected'].map((code) => el('option', { value: code, selected: filter.status === code }, names.tipStatus(code))));
  const overdue = el('select', { name: 'overdue' }, el('option', { value: '' }, '全部'), el('option', { value: 'true', selected: filter.overdue === 'true' }, '是'), el('option', { value: 'false', selected: filter.overdue === 'false' }, '否'));
  const form = el('form', { class: 'filters no-print' }, el('label', {}, '状态', status), el('label', {}, '核查逾期', overdue), el('button', { type: 'submit' }, '查询'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/tips${queryOf({ status: status.value, overdue: overdue.value })}`;
  });
  const link = (/** @type {number} */ to, /** @type {string} */ label) => el('a', { class: 'button', href: `#/tips${queryOf({ ...filter, page: to })}`, 'aria-disabled': to < 1 || to > pages ? 'true' : undefined }, label);
  replace(
    view,
    el('h2', {}, '举报受理 · 收件箱'),
    form,
    el('p', { class: 'status', 'data-tip-total': list.total }, `共 ${list.total} 件，第 ${list.page} / ${pages} 页`),
    table(
      ['举报编号', '状态', '收到时间', '区域', '行业', '位置', '核查期限', '逾期', '匿名'],
      list.items,
      (/** @type {any} */ t) => [
        el('a', { href: `#/tips/${encodeURIComponent(t.tipNo)}`, 'data-tip-link': t.tipNo }, t.tipNo), names.tipStatus(t.status), formatTime(t.receivedAt),
        t.regionCode ? names.region(t.regionCode) : '—', t.sector ? names.sector(t.sector) : '—', t.location, formatTime(t.verifyDueAt), t.overdue ? '是' : '否', t.anonymous ? '是' : '否',
      ],
      { class: 'list', 'data-table': 'tips' },
      (/** @type {any} */ t) => ({ 'data-tip-no': t.tipNo }),
    ),
    el('nav', { class: 'pager no-print' }, link(page - 1, '上一页'), link(page + 1, '下一页')),
  );
}

/**
 * @param {HTMLElement} view
 * @param {{ token: string, names: import('./names.js').Names }} context
 * @param {string} id tipNo or tipId
 */
export async function showTip(view, { token, names }, id) {
  const base = `/tips/${encodeURIComponent(id)}`;
  const [tip, history, integrity] = await Promise.all([getJson(base, token), getJson(`${base}/history`, token), getJson(`${base}/integrity`, token)]);
  /** @type {[string, string][]} */
  const fields = [
    ['状态', names.tipStatus(tip.status)],
    ['收到时间', formatTime(tip.receivedAt)],
    ['区域', tip.regionCode ? names.region(tip.regionCode) : '—'],
    ['行业', tip.sector ? names.sector(tip.sector) : '—'],
    ['位置', tip.location],
    ['举报内容', tip.description],
    ['匿名', tip.anonymous ? '是' : '否（身份已加密保存）'],
    ['核查期限', formatTime(tip.verifyDueAt)],
    ['答复期限', formatTime(tip.feedbackDueAt)],
    ['核查逾期', tip.overdue ? '是' : '否'],
    ['转交', tip.assignment ? `${tip.assignment.department}（${names.sector(tip.assignment.sector)}，${names.region(tip.assignment.regionCode)}）` : '—'],
    ['核查结论', tip.verification ? `${tip.verification.substantiated ? '属实' : '不属实'}：${tip.verification.findings ?? ''}` : '—'],
    ['申请复核', tip.reviewRequested ? '是' : '否'],
    ['奖励', tip.reward ? `${tip.reward.amountYuan} 元` : '—'],
  ];
  replace(
    view,
    el(
      'article',
      { class: 'dossier', 'data-tip': tip.tipNo },
      el('nav', { class: 'no-print' }, el('a', { href: '#/tips' }, '← 返回收件箱')),
      el('h2', {}, `举报 ${tip.tipNo} `, integrityBadge(integrity)),
      el('table', { class: 'fields' }, el('tbody', {}, fields.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value))))),
      el('h3', {}, '答复记录'),
      table(['时间', '内容'], tip.feedback ?? [], (/** @type {any} */ f) => [formatTime(f.at), f.text]),
      el('h3', {}, `时间线（共 ${history.events.length} 个事件）`),
      timelineTable(history.events, names),
    ),
  );
}
