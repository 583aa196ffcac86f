// @ts-check
/**
 * The KPI figures and the two tables. Text goes in through textContent only: unit names come from reports. A row
 * leads to the console: an overdue hazard to its dossier, a unit to its hazards.
 */
import { dossierUrl, hazardListUrl } from './console-links.js';
import { formatDay } from './time.js';

/** @typedef {import('./api.js').Summary} Summary */
/** @typedef {import('./api.js').OverdueHazard} OverdueHazard */
/** @typedef {import('./api.js').RepeatUnit} RepeatUnit */
/** @typedef {import('./labels.js').Labels} Labels */

/** @param {number} n */
export const count = (n) => String(n);
/** @param {number} rate 0..1 */
export const percent = (rate) => `${(rate * 100).toFixed(1)}%`;

/** @type {Record<string, (n: number) => string>} */
const FORMAT = {
  total: count,
  rectificationRate: percent,
  onTimeRate: percent,
  overdue: count,
  majorOpen: count,
  underSupervision: count,
  repeatRate: percent,
  position: count,
};

/**
 * Every `[data-figure=<summary field>]` shows that field; `data-value` keeps the raw number.
 * @param {Summary} summary
 */
export function renderFigures(summary) {
  for (const element of document.querySelectorAll('[data-figure]')) {
    if (!(element instanceof HTMLElement)) continue;
    const key = element.dataset.figure ?? '';
    const value = /** @type {Record<string, unknown>} */ (summary)[key];
    const format = FORMAT[key];
    if (typeof value !== 'number' || !format) continue;
    const text = format(value);
    if (element.textContent !== text) {
      if (element.dataset.value !== undefined) flash(element);
      element.textContent = text;
    }
    element.dataset.value = String(value);
  }
}

/**
 * @param {OverdueHazard[]} items
 * @param {Labels} labels
 */
export function renderOverdue(items, labels) {
  fill('overdue', 8, items, (h) => [
    cell(h.unitName, '', dossierUrl(h.hazardId)),
    cell(h.location),
    cell(labels.sector(h.sector)),
    cell(labels.region(h.regionCode)),
    cell(labels.level(h.level), h.level === 'major' ? 'major' : ''),
    cell(h.responsiblePerson ?? h.responsibleUnitId ?? '—'),
    cell(formatDay(h.deadline)),
    cell(`${h.daysOverdue.toFixed(1)} 天`, 'num'),
  ]);
}

/**
 * @param {RepeatUnit[]} items
 * @param {import('./filters.js').Filter} filter the units' hazards are listed under the dashboard's filter
 */
export function renderRepeatUnits(items, filter) {
  fill('repeat-units', 5, items, (u) => [
    cell(String(u.rank), 'num'),
    cell(u.unitName || u.unitId, '', hazardListUrl(filter, { unitId: u.unitId })),
    cell(String(u.foundAgain), 'num'),
    cell(String(u.hazards), 'num'),
    cell(String(u.repeatHazards), 'num'),
  ]);
}

/**
 * @template T
 * @param {string} table the `data-table` name
 * @param {number} columns
 * @param {T[]} items
 * @param {(item: T) => HTMLTableCellElement[]} cells
 */
function fill(table, columns, items, cells) {
  const body = document.querySelector(`[data-table="${table}"] tbody`);
  if (!body) return;
  const rows = items.map((item) => {
    const row = document.createElement('tr');
    row.append(...cells(item));
    return row;
  });
  if (rows.length === 0) {
    const empty = cell('暂无', 'empty');
    empty.colSpan = columns;
    const row = document.createElement('tr');
    row.append(empty);
    rows.push(row);
  }
  body.replaceChildren(...rows);
}

/**
 * @param {string} text
 * @param {string} [className]
 * @param {string} [href] the cell's text links there
 */
function cell(text, className = '', href = '') {
  const td = document.createElement('td');
  td.title = text;
  if (href) {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    td.append(link);
  } else td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** @param {HTMLElement} element */
function flash(element) {
  element.classList.remove('changed');
  void element.offsetWidth; // restarts the CSS animation
  element.classList.add('changed');
}
