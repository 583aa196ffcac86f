// @ts-check
/**
 * The four ECharts panels. Only the parts used are imported, which keeps the bundle small. A bar or a slice leads to
 * the console's hazard list narrowed to it; so does the link list beside each chart, which keyboards, screen readers
 * and tests can follow (a canvas offers them nothing).
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** @typedef {import('./api.js').Summary} Summary */
/** @typedef {import('./api.js').Trend} Trend */
/** @typedef {import('./labels.js').Labels} Labels */
/** @typedef {{ name: string, value: number, href?: string }} Datum */

/** Wall colours, and paper's: light text on the dark panels, dark text on white when printed. */
const THEMES = {
  screen: { text: '#dce7f3', muted: '#8aa2bd', line: '#1f3a5a', animation: true },
  print: { text: '#111111', muted: '#444444', line: '#bbbbbb', animation: false },
};
/** @typedef {keyof typeof THEMES} ThemeName */
const PALETTE = ['#3fa7ff', '#3ddc84', '#f5a623', '#ff5b5b', '#a78bfa', '#22d3ee', '#f472b6', '#facc15'];
const FOUND = '#f5a623';
const RECTIFIED = '#3ddc84';
/** A bar chart of many regions stays readable: the rest are summed into 其他. */
const MAX_BARS = 12;

/** @type {Map<string, echarts.ECharts>} */
const charts = new Map();
/** Per chart, the link of each data index (none for 其他). */
const links = new Map();

/** @param {string} name the `data-chart` name */
function chart(name) {
  let instance = charts.get(name);
  if (!instance) {
    const element = /** @type {HTMLElement} */ (document.querySelector(`[data-chart="${name}"]`));
    const created = echarts.init(element, null, { renderer: 'canvas' });
    created.on('click', (params) => {
      const href = links.get(name)?.[params.dataIndex];
      if (href) location.assign(href);
    });
    charts.set(name, created);
    instance = created;
  }
  return instance;
}

/**
 * Largest first, the tail beyond MAX_BARS as 其他.
 * @param {Record<string, number>} counts
 * @param {(code: string) => string} name
 * @param {(code: string) => string} href
 * @returns {Datum[]}
 */
function ranked(counts, name, href) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const head = entries.slice(0, MAX_BARS).map(([code, n]) => ({ name: name(code), value: n, href: href(code) }));
  const rest = entries.slice(MAX_BARS).reduce((sum, [, n]) => sum + n, 0);
  return rest > 0 ? [...head, { name: '其他', value: rest }] : head;
}

/**
 * Many bars, or long names such as 余杭区（33011001）, would overlap level: they are slanted instead.
 * @param {Datum[]} data
 */
function slanted(data) {
  return data.length > 6 || data.reduce((sum, d) => sum + d.name.length, 0) > 24;
}

/**
 * @param {Datum[]} data
 * @param {string} color
 * @param {typeof THEMES[ThemeName]} theme
 * @returns {import('echarts/core').EChartsCoreOption}
 */
function bars(data, color, theme) {
  return {
    animation: theme.animation,
    color: [color],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 20, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { color: theme.text, interval: 0, rotate: slanted(data) ? 30 : 0 }, axisLine: { lineStyle: { color: theme.line } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.line } } },
    series: [{ type: 'bar', data: data.map((d) => d.value), barMaxWidth: 36, cursor: 'pointer', label: { show: true, position: 'top', color: theme.text } }],
  };
}

/**
 * The canvas says nothing to a screen reader (or to a test): its container's aria-label lists what it draws, and the
 * list after it links each bar to the hazards it counts.
 * @param {string} name the `data-chart` name
 * @param {string} caption
 * @param {Datum[]} data
 */
function describe(name, caption, data) {
  const text = data.length === 0 ? '暂无' : data.map((d) => `${d.name} ${d.value}`).join('，');
  chart(name).getDom().setAttribute('aria-label', `${caption}：${text}`);
  links.set(name, data.map((d) => d.href));
  const list = document.querySelector(`[data-chart-links="${name}"]`);
  if (!list) return;
  list.replaceChildren(...data.filter((d) => d.href).map((d) => {
    const link = document.createElement('a');
    link.href = /** @type {string} */ (d.href);
    link.textContent = `${d.name} ${d.value}`;
    const item = document.createElement('li');
    item.append(link);
    return item;
  }));
}

/**
 * @param {Summary} summary
 * @param {Labels} labels
 * @param {{ sector: (code: string) => string, region: (code: string) => string, status: (code: string) => string }} hrefs
 * @param {ThemeName} [themeName]
 */
export function renderCharts(summary, labels, hrefs, themeName = 'screen') {
  const theme = THEMES[themeName];
  const sectors = ranked(summary.bySector, labels.sector, hrefs.sector);
  const regions = ranked(summary.byRegion, labels.region, hrefs.region);
  const statuses = Object.entries(summary.byStatus).filter(([, n]) => n > 0).map(([code, n]) => ({ name: labels.status(code), value: n, href: hrefs.status(code) }));
  chart('sector').setOption(bars(sectors, PALETTE[0] ?? theme.text, theme), { notMerge: true });
  chart('region').setOption(bars(regions, PALETTE[5] ?? theme.text, theme), { notMerge: true });
  chart('status').setOption({
    animation: theme.animation,
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { orient: 'vertical', right: 8, top: 'middle', textStyle: { color: theme.text } },
    // Counts inside the slices: outside, a small slice's label is pushed off the canvas.
    series: [{ type: 'pie', radius: ['45%', '75%'], center: ['38%', '50%'], cursor: 'pointer', label: { position: 'inside', color: '#fff', fontWeight: 'bold', formatter: '{c}' }, data: statuses }],
  }, { notMerge: true });
  describe('sector', '按行业', sectors);
  describe('region', '按区域', regions);
  describe('status', '按状态', statuses);
}

/**
 * 月度趋势: hazards found against hazards rectified (verified) per month of TIME_ZONE, as `/dashboard/trend` counts them.
 * @param {Trend} trend
 * @param {ThemeName} [themeName]
 */
export function renderTrend(trend, themeName = 'screen') {
  const theme = THEMES[themeName];
  const months = trend.months.map((m) => `${m.month.slice(0, 4)}年${Number(m.month.slice(5, 7))}月`);
  const series = (/** @type {string} */ name, /** @type {number[]} */ data, /** @type {string} */ color) =>
    ({ name, type: 'line', data, color, symbolSize: 7, label: { show: trend.months.length <= 12, position: 'top', color: theme.text } });
  chart('trend').setOption({
    animation: theme.animation,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, right: 8, textStyle: { color: theme.text } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, axisLabel: { color: theme.text }, axisLine: { lineStyle: { color: theme.line } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: theme.muted }, splitLine: { lineStyle: { color: theme.line } } },
    series: [series('发现', trend.months.map((m) => m.found), FOUND), series('整改', trend.months.map((m) => m.rectified), RECTIFIED)],
  }, { notMerge: true });
  const text = trend.months.map((m, i) => `${months[i]} 发现 ${m.found} 整改 ${m.rectified}`).join('，');
  chart('trend').getDom().setAttribute('aria-label', `月度趋势：${text || '暂无'}`);
}

/**
 * Every canvas to its container's size (the wall's window may change size; print has its own layout).
 * @param {Record<string, { width: number, height: number }>} [sizes] fixed sizes, for a print layout not laid out yet
 */
export function resizeCharts(sizes) {
  charts.forEach((c, name) => c.resize(sizes?.[name] ?? { width: 'auto', height: 'auto' }));
}

export function followResize() {
  window.addEventListener('resize', () => resizeCharts());
}
