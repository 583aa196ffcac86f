// @ts-check
/**
 * /dashboard: loads the catalogue once (to name codes), then the summary and the two lists, draws them, and
 * reloads them (debounced) whenever the projector commits a change, as announced on /api/v1/stream. No page
 * reload, ever.
 */
import './dashboard.css';
import { forgetToken, getCatalogue, getJson, saveToken, takeToken, Unauthorized } from './api.js';
import { followResize, renderCharts } from './charts.js';
import { renderFigures, renderOverdue, renderRepeatUnits } from './figures.js';
import { labelsOf } from './labels.js';
import { coalesce, follow } from './live.js';

/** @typedef {import('./api.js').Summary} Summary */
/** @template T @typedef {import('./api.js').List<T>} List */

/** Long enough to absorb a burst of changes, short enough to feel live. */
const REFRESH_DELAY_MS = 300;
const TOP = 10;

/** @type {() => void} */
let stopFollowing = () => {};

/** Codes named by the catalogue once it has loaded; until then (or if it could not be read) by the fallbacks. */
let labels = labelsOf(null);
/** @type {Promise<void> | undefined} */
let catalogueLoaded;

/** Asks for the catalogue once; only a failed attempt is repeated, at the next refresh. Never rejects. */
function loadCatalogue() {
  catalogueLoaded ??= getCatalogue().then(
    (catalogue) => void (labels = labelsOf(catalogue)),
    (error) => {
      catalogueLoaded = undefined;
      console.warn('catalogue not loaded: sectors and regions are shown by code', error);
    },
  );
  return catalogueLoaded;
}

/** @param {string} token */
function start(token) {
  const refresh = async () => {
    try {
      const [summary, overdue, repeatUnits] = await Promise.all([
        getJson('/dashboard/summary', token),
        getJson(`/dashboard/overdue?limit=${TOP}`, token),
        getJson(`/dashboard/repeat-units?limit=${TOP}`, token),
        loadCatalogue(),
      ]);
      show(/** @type {Summary} */ (summary), /** @type {List<any>} */ (overdue).items, /** @type {List<any>} */ (repeatUnits).items);
    } catch (error) {
      if (!(error instanceof Unauthorized)) throw error;
      stopFollowing();
      askForToken(`令牌无效或已过期（${error.message}），请重新输入。`);
    }
  };
  const schedule = coalesce(() => refresh().catch((error) => console.warn('dashboard refresh failed', error)), REFRESH_DELAY_MS);
  stopFollowing = follow(token, { onChange: schedule, onState: showLiveState });
  schedule();
}

/**
 * @param {Summary} summary
 * @param {import('./api.js').OverdueHazard[]} overdue
 * @param {import('./api.js').RepeatUnit[]} repeatUnits
 */
function show(summary, overdue, repeatUnits) {
  renderFigures(summary);
  renderCharts(summary, labels);
  renderOverdue(overdue, labels);
  renderRepeatUnits(repeatUnits);
  const updated = document.querySelector('[data-updated]');
  if (updated) updated.textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false });
  document.body.dataset.position = String(summary.position);
}

/** @param {import('./live.js').LiveState} state */
function showLiveState(state) {
  const names = { connecting: '连接中', live: '实时', reconnecting: '重连中', offline: '已断开' };
  const element = document.querySelector('[data-live]');
  if (!(element instanceof HTMLElement)) return;
  element.dataset.live = state;
  element.textContent = names[state];
}

/** @param {string} [error] */
function askForToken(error = '') {
  const dialog = /** @type {HTMLDialogElement} */ (document.querySelector('[data-token-dialog]'));
  const form = /** @type {HTMLFormElement} */ (dialog.querySelector('form'));
  const message = dialog.querySelector('[data-token-error]');
  if (message) message.textContent = error;
  form.onsubmit = () => {
    const token = String(new FormData(form).get('token') ?? '').trim();
    if (!token) return;
    saveToken(token);
    start(token);
  };
  if (!dialog.open) dialog.showModal();
}

document.querySelector('[data-action="change-token"]')?.addEventListener('click', () => {
  stopFollowing();
  forgetToken();
  askForToken();
});
followResize();
void loadCatalogue();
const token = takeToken();
if (token) start(token);
else askForToken();
