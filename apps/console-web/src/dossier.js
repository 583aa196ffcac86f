// @ts-check
/**
 * 隐患档案: one hazard as the ledger keeps it — its state (now, or as of a chosen time or revision), the time
 * line of every event, the accountability trail, its notifications and the integrity of its hash chain, each
 * read from the API under the reader's token. Printed, it is a 台账 page (console.css, @media print).
 */
import { ApiError, getJson, queryOf } from './api.js';
import { el, replace } from './dom.js';
import { stateTable } from './dossier-state.js';
import { timelineTable } from './dossier-timeline.js';
import { notificationsTable, trailSection } from './dossier-trail.js';
import { integrityBadge } from './integrity-badge.js';
import { formatNow, formatTime, isoFromLocal, localFromIso, timeZone } from './time.js';

/**
 * @param {HTMLElement} view
 * @param {{ token: string, names: import('./names.js').Names }} context
 * @param {string} hazardId
 * @param {URLSearchParams} params `asOf` or `revision` opens the dossier at that point
 */
export async function showDossier(view, { token, names }, hazardId, params) {
  const base = `/hazards/${encodeURIComponent(hazardId)}`;
  const [current, history, trail, integrity, notifications] = await Promise.all([
    getJson(base, token),
    getJson(`${base}/history`, token),
    getJson(`${base}/trail`, token),
    getJson(`${base}/integrity`, token),
    getJson(`${base}/notifications`, token),
  ]);
  /** @type {import('./dossier-timeline.js').HistoryEvent[]} */
  const events = history.events;

  const stateSection = el('section', { 'data-section': 'state' });
  /** Only the latest choice is shown, whichever answer arrives last. */
  let latest = 0;
  /** @param {{ asOf?: string, revision?: number }} at nothing: the current state */
  const showState = async (at) => {
    const asRead = at.asOf !== undefined || at.revision !== undefined;
    const title = at.asOf !== undefined ? `截至 ${formatTime(at.asOf)} 的状态` : at.revision !== undefined ? `第 ${at.revision} 版时的状态` : '当前状态';
    const ticket = ++latest;
    keepInAddress(hazardId, at);
    try {
      const state = asRead ? await getJson(`${base}/state${queryOf(at)}`, token) : current;
      if (ticket !== latest) return;
      replace(stateSection, el('h3', { 'data-state-title': '' }, title), stateTable(state, names));
      stateSection.dataset.revision = String(state.revision);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      if (ticket !== latest) return;
      const message = at.asOf !== undefined ? `该时间隐患尚未录入（${error.detail}）` : error.message;
      replace(stateSection, el('h3', { 'data-state-title': '' }, title), el('p', { class: 'error', 'data-state-error': '' }, message));
      stateSection.dataset.revision = '';
    }
    stateSection.dataset.asOf = at.asOf ?? '';
  };

  const printed = el('time', { 'data-print-time': '' }, formatNow(new Date()));
  window.onbeforeprint = () => void (printed.textContent = formatNow(new Date()));
  replace(
    view,
    el(
      'article',
      { class: 'dossier', 'data-dossier': hazardId },
      el('header', { class: 'print-header' }, el('strong', {}, '安全生产隐患排查治理台账 · 隐患档案'), el('span', {}, `隐患编号 ${hazardId}`), el('span', {}, '打印时间 ', printed, `（${timeZone()}）`)),
      el('nav', { class: 'no-print' }, el('a', { href: '#/hazards' }, '← 返回隐患清单'), el('button', { type: 'button', 'data-action': 'print' }, '打印台账')),
      el('h2', {}, `隐患档案：${current.unitName} · ${current.location} `, integrityBadge(integrity)),
      asOfForm(events, showState),
      stateSection,
      el('section', { 'data-section': 'timeline' }, el('h3', {}, `时间线（共 `, el('span', { 'data-event-count': '' }, String(events.length)), ' 个事件）'), timelineTable(events, names, (revision) => void showState({ revision }))),
      el('section', { 'data-section': 'trail' }, el('h3', {}, '责任追溯'), trailSection(trail, names)),
      el('section', { 'data-section': 'notifications' }, el('h3', {}, '通知记录'), notificationsTable(notifications, names)),
    ),
  );
  view.querySelector('[data-action="print"]')?.addEventListener('click', () => print());
  const revision = params.get('revision');
  await showState({ asOf: params.get('asOf') ?? undefined, revision: revision === null ? undefined : Number(revision) });
}

/**
 * @param {import('./dossier-timeline.js').HistoryEvent[]} events
 * @param {(at: { asOf?: string, revision?: number }) => Promise<void>} showState
 */
function asOfForm(events, showState) {
  const last = events[events.length - 1];
  const time = el('input', { type: 'datetime-local', step: 1, name: 'asOf', value: last?.metadata.occurredAt ? localFromIso(last.metadata.occurredAt) : '' });
  const revision = el('select', { name: 'revision' }, events.map((e) => el('option', { value: e.revision, selected: e === last }, `第 ${e.revision} 版 · ${formatTime(e.metadata.occurredAt)}`)));
  const byTime = el('button', { type: 'button', 'data-action': 'as-of-time' }, '按时间查看');
  const byRevision = el('button', { type: 'button', 'data-action': 'as-of-revision' }, '按版本查看');
  const now = el('button', { type: 'button', 'data-action': 'as-of-now' }, '当前状态');
  byTime.addEventListener('click', () => {
    const asOf = isoFromLocal(time.value);
    if (asOf) void showState({ asOf });
  });
  byRevision.addEventListener('click', () => void showState({ revision: Number(revision.value) }));
  now.addEventListener('click', () => void showState({}));
  return el('form', { class: 'as-of no-print', 'data-as-of-form': '' }, el('label', {}, `时间（${timeZone()}）`, time), byTime, el('label', {}, '版本', revision), byRevision, now);
}

/**
 * Keeps the chosen point in the address (a link or a reload opens the dossier there) without a new history entry.
 * @param {string} hazardId
 * @param {{ asOf?: string, revision?: number }} at
 */
function keepInAddress(hazardId, at) {
  history.replaceState(history.state, '', `#/hazards/${encodeURIComponent(hazardId)}${queryOf(at)}`);
}
