// @ts-check
/**
 * 隐患清单: `GET /hazards` with its filters and paging, as the reader's token may read it. The filters live in
 * the address (#/hazards?sector=gas&page=2), so a filtered list can be bookmarked or linked from the dashboard.
 */
import { getJson, queryOf } from './api.js';
import { download, toCsv } from './csv.js';
import { el, replace, table } from './dom.js';
import { formatTime } from './time.js';

/**
 * @typedef {object} HazardRow one item of `GET /hazards`
 * @property {string} hazardId
 * @property {string} unitId
 * @property {string} unitName
 * @property {string} location
 * @property {string} sector
 * @property {string} regionCode
 * @property {string} level
 * @property {string} [source]
 * @property {string} status
 * @property {string | null} responsiblePerson
 * @property {string | null} deadline
 * @property {boolean} overdue
 * @property {boolean} underSupervision
 * @property {string} discoveredAt
 * @property {number} revision
 */

/** @typedef {{ items: HazardRow[], total: number, page: number, pageSize: number, position: number }} HazardPage */

/**
 * The filters the form knows how to offer, of those `GET /hazards` declares (list-parameters.js). A period, once
 * the API takes one: `from`/`to` as the dashboard's (months, YYYY-MM) or `period` as the reports' (2026, 2026Q1,
 * 2026-03).
 */
const FILTERS = ['regionCode', 'sector', 'status', 'level', 'overdue', 'underSupervision', 'unitId', 'from', 'to', 'period'];
const PAGE_SIZE = 20;
/** The API's largest page: the export reads the whole filtered list in as few requests as it can. */
const EXPORT_PAGE_SIZE = 200;

/**
 * @param {HTMLElement} view
 * @param {{ token: string, names: import('./names.js').Names, catalogue: any, listParameters: Set<string> }} context
 * @param {URLSearchParams} params
 */
export async function showHazardList(view, context, params) {
  const { token, names } = context;
  const offered = FILTERS.filter((key) => context.listParameters.has(key));
  const filter = Object.fromEntries(offered.map((key) => [key, params.get(key) ?? undefined]));
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const form = filterForm(context, new Set(offered), filter);
  const status = el('p', { class: 'status', 'data-list-status': '' }, '加载中…');
  replace(view, el('h2', {}, '隐患清单'), form, status);

  /** @type {HazardPage} */
  const list = await getJson(`/hazards${queryOf({ ...filter, page, pageSize: PAGE_SIZE })}`, token);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  status.textContent = `共 ${list.total} 项，第 ${list.page} / ${pages} 页（数据位置 ${list.position}）`;
  status.dataset.total = String(list.total);
  const rows = table(
    ['隐患编号', '单位', '位置', '行业', '区域', '等级', '状态', '责任人', '整改期限', '逾期', '督办', '发现时间'],
    list.items,
    (h) => [
      el('a', { href: `#/hazards/${encodeURIComponent(h.hazardId)}`, 'data-dossier-link': h.hazardId }, h.hazardId.slice(0, 8)),
      h.unitName, h.location, names.sector(h.sector), names.region(h.regionCode), names.level(h.level), names.status(h.status),
      h.responsiblePerson ?? '—', formatTime(h.deadline), h.overdue ? '是' : '否', h.underSupervision ? '是' : '否', formatTime(h.discoveredAt),
    ],
    { class: 'list', 'data-table': 'hazards' },
    (h) => ({ 'data-hazard-id': h.hazardId, 'data-status': h.status }),
  );
  const link = (/** @type {number} */ to, /** @type {string} */ label) =>
    el('a', { class: 'button', href: `#/hazards${queryOf({ ...filter, page: to })}`, 'data-page': to, 'aria-disabled': to < 1 || to > pages ? 'true' : undefined }, label);
  const exportButton = el('button', { type: 'button', 'data-action': 'export' }, '导出 CSV');
  exportButton.addEventListener('click', () => void exportList(token, names, filter, exportButton));
  view.append(rows, el('nav', { class: 'pager no-print' }, link(page - 1, '上一页'), link(page + 1, '下一页'), exportButton));
}

/**
 * @param {{ names: import('./names.js').Names, catalogue: any }} context
 * @param {Set<string>} offered
 * @param {Record<string, string | undefined>} filter
 */
function filterForm({ names, catalogue }, offered, filter) {
  /** @param {string} name @param {string} label @param {[string, string][]} options */
  const select = (name, label, options) =>
    offered.has(name) &&
    el('label', {}, label, el('select', { name }, el('option', { value: '' }, '全部'), options.map(([value, text]) => el('option', { value, selected: filter[name] === value }, text))));
  /** @param {string} name @param {string} label @param {Record<string, string | number>} attributes */
  const input = (name, label, attributes) => offered.has(name) && el('label', {}, label, el('input', { name, value: filter[name] ?? '', ...attributes }));
  /** @param {{code: string, name: string}[] | undefined} entries @param {(code: string) => string} name */
  const codes = (entries, name) => (entries ?? []).map(({ code }) => /** @type {[string, string]} */ ([code, name(code)]));
  const yesNo = /** @type {[string, string][]} */ ([['true', '是'], ['false', '否']]);
  const form = el(
    'form',
    { class: 'filters no-print', 'data-filters': '' },
    select('regionCode', '区域', codes(catalogue?.regions, names.region)),
    select('sector', '行业', codes(catalogue?.sectors, names.sector)),
    select('status', '状态', codes(catalogue?.statuses, names.status)),
    select('level', '等级', codes(catalogue?.levels, names.level)),
    select('overdue', '逾期', yesNo),
    select('underSupervision', '挂牌督办', yesNo),
    input('unitId', '单位代码', { maxlength: 64 }),
    input('from', '期间 自', { type: 'month' }),
    input('to', '至', { type: 'month' }),
    input('period', '期间', { placeholder: '2026 / 2026Q1 / 2026-03', pattern: '\\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?', size: 10 }),
    el('button', { type: 'submit' }, '查询'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value)]));
    location.hash = `#/hazards${queryOf(values)}`;
  });
  return form;
}

/**
 * GET /hazards has no csv/xlsx format: the export reads every page of the same filtered list under the same
 * token and writes the CSV in the browser, with the codes named as on screen.
 * @param {string} token
 * @param {import('./names.js').Names} names
 * @param {Record<string, string | undefined>} filter
 * @param {HTMLButtonElement} button
 */
async function exportList(token, names, filter, button) {
  button.disabled = true;
  try {
    /** @type {HazardRow[]} */
    const rows = [];
    for (let page = 1; ; page += 1) {
      /** @type {HazardPage} */
      const list = await getJson(`/hazards${queryOf({ ...filter, page, pageSize: EXPORT_PAGE_SIZE })}`, token);
      rows.push(...list.items);
      if (list.items.length === 0 || rows.length >= list.total) break;
    }
    const csv = toCsv(
      ['隐患编号', '单位代码', '单位', '位置', '行业', '区域', '区域代码', '等级', '状态', '责任人', '整改期限', '逾期', '挂牌督办', '发现时间'],
      rows.map((h) => [
        h.hazardId, h.unitId, h.unitName, h.location, names.sector(h.sector), names.region(h.regionCode), h.regionCode, names.level(h.level), names.status(h.status),
        h.responsiblePerson ?? '', formatTime(h.deadline), h.overdue ? '是' : '否', h.underSupervision ? '是' : '否', formatTime(h.discoveredAt),
      ]),
    );
    download('隐患清单.csv', csv, 'text/csv;charset=utf-8');
  } finally {
    button.disabled = false;
  }
}
