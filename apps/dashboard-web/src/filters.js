// @ts-check
/**
 * The dashboard's filters (期间, 区域, 行业): kept in the page's address (`/dashboard?from=2026-01&to=2026-03&
 * regionCode=330106&sector=gas`), so a filtered view can be bookmarked, shared or printed again; sent to the API
 * under the same names.
 */

/** @typedef {import('./labels.js').Catalogue} Catalogue */

/**
 * @typedef {object} Filter what `GET /dashboard/*` takes; absent: not narrowed
 * @property {string} [from] `YYYY-MM`, the first month, in TIME_ZONE
 * @property {string} [to] `YYYY-MM`, the last month
 * @property {string} [regionCode] a region-code prefix
 * @property {string} [sector] a catalogue sector code
 */

/** @type {(keyof Filter)[]} */
export const FILTER_KEYS = ['from', 'to', 'regionCode', 'sector'];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** @returns {Filter} the filter in the address bar; a malformed month is left out rather than sent */
export function filterFromUrl() {
  const params = new URL(location.href).searchParams;
  /** @type {Filter} */
  const filter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (!value || ((key === 'from' || key === 'to') && !MONTH.test(value))) continue;
    filter[key] = value;
  }
  return filter;
}

/** @param {Filter} filter */
export function writeFilterToUrl(filter) {
  const url = new URL(location.href);
  for (const key of FILTER_KEYS) url.searchParams.delete(key);
  for (const [key, value] of Object.entries(filter)) if (value) url.searchParams.set(key, value);
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

/**
 * `?from=…&sector=…` (or "" for no filter), extra parameters appended.
 * @param {Filter} filter
 * @param {Record<string, string | number>} [extra]
 */
export function queryOf(filter, extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The form's selects offer the catalogue's regions (indented under their parents) and sectors, by name only.
 * @param {HTMLFormElement} form
 * @param {Catalogue | null} catalogue
 * @param {Filter} filter
 */
export function fillFilterForm(form, catalogue, filter) {
  const region = /** @type {HTMLSelectElement} */ (form.elements.namedItem('regionCode'));
  const sector = /** @type {HTMLSelectElement} */ (form.elements.namedItem('sector'));
  region.replaceChildren(option('', '全部区域'), ...regionOptions(catalogue?.regions ?? []));
  sector.replaceChildren(option('', '全部行业'), ...(catalogue?.sectors ?? []).map((s) => option(s.code, s.name)));
  for (const [select, value] of /** @type {[HTMLSelectElement, string | undefined][]} */ ([[region, filter.regionCode], [sector, filter.sector]])) {
    // A code the catalogue lacks (an old bookmark) stays selectable, shown as it is.
    if (value && ![...select.options].some((o) => o.value === value)) select.append(option(value, value));
    select.value = value ?? '';
  }
  for (const key of /** @type {const} */ (['from', 'to'])) /** @type {HTMLInputElement} */ (form.elements.namedItem(key)).value = filter[key] ?? '';
}

/**
 * @param {HTMLFormElement} form
 * @returns {Filter}
 */
export function filterOfForm(form) {
  const data = new FormData(form);
  /** @type {Filter} */
  const filter = {};
  for (const key of FILTER_KEYS) {
    const value = String(data.get(key) ?? '').trim();
    if (value) filter[key] = value;
  }
  // A period picked backwards is meant the other way round.
  if (filter.from && filter.to && filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  return filter;
}

/**
 * 2026年1月 – 2026年3月 · 西湖区 · 燃气: what the figures cover, for the screen and the printed page.
 * @param {Filter} filter
 * @param {import('./labels.js').Labels} labels
 */
export function describeFilter(filter, labels) {
  const month = (/** @type {string} */ m) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
  const period = filter.from && filter.to ? (filter.from === filter.to ? month(filter.from) : `${month(filter.from)} – ${month(filter.to)}`)
    : filter.from ? `${month(filter.from)}起` : filter.to ? `截至${month(filter.to)}` : '全部期间';
  return [period, filter.regionCode ? labels.region(filter.regionCode) : '全部区域', filter.sector ? labels.sector(filter.sector) : '全部行业'].join(' · ');
}

/**
 * Parents before children, each indented by its depth (浙江省 › 杭州市 › 西湖区).
 * @param {{ code: string, name: string, parent?: string | null }[]} regions
 */
function regionOptions(regions) {
  const codes = new Set(regions.map((r) => r.code));
  /** @type {HTMLOptionElement[]} */
  const out = [];
  /** @param {string | null} parent @param {number} depth */
  const walk = (parent, depth) => {
    for (const r of regions.filter((x) => (x.parent && codes.has(x.parent) ? x.parent : null) === parent)) {
      out.push(option(r.code, `${'\u3000'.repeat(depth)}${r.name}`));
      walk(r.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** @param {string} value @param {string} text */
function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}
