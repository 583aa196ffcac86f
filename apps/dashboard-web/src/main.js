// @ts-check
/**
 * /dashboard: loads the catalogue once (to name codes and fill the filters), then the summary, the trend and the two
 * lists under the filters in the address bar, draws them, and reloads them (debounced) whenever the projector commits
 * a change, as announced on /api/v1/stream, or the filters change. No page reload, ever.
 */
import './dashboard.css';
import { forgetToken, getCatalogue, getJson, saveToken, takeToken, Unauthorized } from './api.js';
import { followResize, renderCharts, renderTrend, resizeCharts } from './charts.js';
import { hazardListUrl } from './console-links.js';
import { downloadList } from './export.js';
import { describeFilter, fillFilterForm, filterFromUrl, filterOfForm, queryOf, writeFilterToUrl } from './filters.js';
import { renderFigures, renderOverdue, renderRepeatUnits } from './figures.js';
import { labelsOf } from './labels.js';
import { coalesce, follow } from './live.js';
import { followPrinting, isPrinting, PRINT_CHART_SIZES } from './print.js';
import { formatClock, formatMinute, timeZone } from './time.js';

/** @typedef {import('./api.js').Summary} Summary */
/** @typedef {import('./api.js').Trend} Trend */
/** @typedef {import('./filters.js').Filter} Filter */
/** @template T @typedef {import('./api.js').List<T>} List */

/** Long enough to absorb a burst of changes, short enough to feel live. */
const REFRESH_DELAY_MS = 300;
const TOP = 10;

/** @type {() => void} */
let stopFollowing = () => {};
/** @type {(() => void) | undefined} */
let scheduleRefresh;
/** @type {string | undefined} */
let currentToken;

/** Codes named by the catalogue once it has loaded; until then (or if it could not be read) by the fallbacks. */
let labels = labelsOf(null);
/** @type {import('./labels.js').Catalogue | null} */
let catalogue = null;
/** @type {Promise<void> | undefined} */
let catalogueLoaded;
let filter = filterFromUrl();
/** What is drawn, to draw it again for paper. @type {{ summary: Summary, trend: Trend } | undefined} */
let drawn;

const form = /** @type {HTMLFormElement} */ (document.querySelector('[data-filters]'));

/** Asks for the catalogue once; only a failed attempt is repeated, at the next refresh. Never rejects. */
function loadCatalogue() {
  catalogueLoaded ??= getCatalogue().then(
    (loaded) => {
      catalogue = loaded;
      labels = labelsOf(loaded);
      fillFilterForm(form, catalogue, filter);
      describeScope();
    },
    (error) => {
      catalogueLoaded = undefined;
      console.warn('catalogue not loaded: sectors and regions are shown by code', error);
    },
  );
  return catalogueLoaded;
}

/** @param {string} token */
function start(token) {
  currentToken = token;
  const refresh = async () => {
    const asked = filter;
    const query = queryOf(asked);
    try {
      const [summary, trend, overdue, repeatUnits] = await Promise.all([
        getJson(`/dashboard/summary${query}`, token),
        getJson(`/dashboard/trend${query}`, token),
        getJson(`/dashboard/overdue${queryOf(asked, { limit: TOP })}`, token),
        getJson(`/dashboard/repeat-units${queryOf(asked, { limit: TOP })}`, token),
        loadCatalogue(),
      ]);
      // The filter changed while these were asked for: the refresh that change scheduled draws instead.
      if (asked !== filter) return;
      show(/** @type {Summary} */ (summary), /** @type {Trend} */ (trend), /** @type {List<any>} */ (overdue).items, /** @type {List<any>} */ (repeatUnits).items);
    } catch (error) {
      if (!(error instanceof Unauthorized)) throw error;
      stopFollowing();
      askForToken(`令牌无效或已过期（${error.message}），请重新输入。`);
    }
  };
  const schedule = coalesce(() => refresh().catch((error) => console.warn('dashboard refresh failed', error)), REFRESH_DELAY_MS);
  scheduleRefresh = schedule;
  stopFollowing = follow(token, { onChange: schedule, onState: showLiveState });
  schedule();
}

/**
 * @param {Summary} summary
 * @param {Trend} trend
 * @param {import('./api.js').OverdueHazard[]} overdue
 * @param {import('./api.js').RepeatUnit[]} repeatUnits
 */
function show(summary, trend, overdue, repeatUnits) {
  drawn = { summary, trend };
  renderFigures(summary);
  draw();
  renderOverdue(overdue, labels);
  renderRepeatUnits(repeatUnits, filter);
  linkFigures();
  const now = new Date();
  const updated = document.querySelector('[data-updated]');
  if (updated) updated.textContent = formatClock(now);
  setText('[data-printed-at]', formatMinute(now));
  setText('[data-position-print]', String(summary.position));
  document.body.dataset.filter = queryOf(filter);
  document.body.dataset.position = String(summary.position);
}

/** The charts, in the colours of the screen or of paper. */
function draw() {
  if (!drawn) return;
  const theme = isPrinting() ? 'print' : 'screen';
  renderCharts(drawn.summary, labels, {
    sector: (code) => hazardListUrl(filter, { sector: code }),
    region: (code) => hazardListUrl(filter, { regionCode: code }),
    status: (code) => hazardListUrl(filter, { status: code }),
  }, theme);
  renderTrend(drawn.trend, theme);
}

function linkFigures() {
  /** @type {Record<string, Record<string, string>>} */
  const narrowed = { total: {}, overdue: { overdue: 'true' }, underSupervision: { underSupervision: 'true' } };
  for (const element of document.querySelectorAll('a[data-link]')) {
    if (element instanceof HTMLAnchorElement) element.href = hazardListUrl(filter, narrowed[element.dataset.link ?? ''] ?? {});
  }
}

function describeScope() {
  const text = describeFilter(filter, labels);
  setText('[data-filter-summary]', text);
  setText('[data-filter-description]', text);
}

/** @param {string} selector @param {string} text */
function setText(selector, text) {
  for (const element of document.querySelectorAll(selector)) element.textContent = text;
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
  const tokenForm = /** @type {HTMLFormElement} */ (dialog.querySelector('form'));
  const message = dialog.querySelector('[data-token-error]');
  if (message) message.textContent = error;
  tokenForm.onsubmit = () => {
    const token = String(new FormData(tokenForm).get('token') ?? '').trim();
    if (!token) return;
    saveToken(token);
    start(token);
  };
  if (!dialog.open) dialog.showModal();
}

/** @param {Filter} next */
function applyFilter(next) {
  filter = next;
  writeFilterToUrl(filter);
  fillFilterForm(form, catalogue, filter);
  describeScope();
  scheduleRefresh?.();
}

form.addEventListener('change', () => applyFilter(filterOfForm(form)));
form.addEventListener('submit', (event) => event.preventDefault());
document.querySelector('[data-action="clear-filters"]')?.addEventListener('click', () => applyFilter({}));
document.querySelector('[data-action="print"]')?.addEventListener('click', () => window.print());
for (const button of document.querySelectorAll('[data-export]')) {
  if (!(button instanceof HTMLButtonElement)) continue;
  button.addEventListener('click', () => {
    const list = /** @type {'overdue' | 'repeat-units' | 'departments'} */ (button.dataset.export);
    const format = /** @type {'csv' | 'xlsx'} */ (button.dataset.format);
    if (!currentToken) return;
    const menu = button.closest('details');
    if (menu) menu.open = false;
    downloadList(list, format, filter, currentToken).catch((error) => console.warn('export failed', error));
  });
}
document.querySelector('[data-action="change-token"]')?.addEventListener('click', () => {
  stopFollowing();
  forgetToken();
  askForToken();
});
setText('[data-zone]', timeZone());
followResize();
followPrinting(() => {
  draw();
  resizeCharts(isPrinting() ? PRINT_CHART_SIZES : undefined);
});
fillFilterForm(form, null, filter);
describeScope();
void loadCatalogue();
const token = takeToken();
if (token) start(token);
else askForToken();
