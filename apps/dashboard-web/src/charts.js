// @ts-check
/** The three ECharts panels. Only the parts used are imported, which keeps the bundle small. */
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** @typedef {import('./api.js').Summary} Summary */
/** @typedef {import('./labels.js').Labels} Labels */

const TEXT = '#dce7f3';
const MUTED = '#8aa2bd';
const LINE = '#1f3a5a';
const PALETTE = ['#3fa7ff', '#3ddc84', '#f5a623', '#ff5b5b', '#a78bfa', '#22d3ee', '#f472b6', '#facc15'];
/** A bar chart of many regions stays readable: the rest are summed into 其他. */
const MAX_BARS = 12;

/** @type {Map<string, echarts.ECharts>} */
const charts = new Map();

/** @param {string} name the `data-chart` name */
function chart(name) {
  let instance = charts.get(name);
  if (!instance) {
    const element = /** @type {HTMLElement} */ (document.querySelector(`[data-chart="${name}"]`));
    instance = echarts.init(element, null, { renderer: 'canvas' });
    charts.set(name, instance);
  }
  return instance;
}

/**
 * Largest first, the tail beyond MAX_BARS as 其他.
 * @param {Record<string, number>} counts
 * @param {(code: string) => string} name
 */
function ranked(counts, name) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const head = entries.slice(0, MAX_BARS).map(([code, n]) => ({ name: name(code), value: n }));
  const rest = entries.slice(MAX_BARS).reduce((sum, [, n]) => sum + n, 0);
  return rest > 0 ? [...head, { name: '其他', value: rest }] : head;
}

/**
 * @param {{ name: string, value: number }[]} data
 * @param {string} color
 * @returns {import('echarts/core').EChartsCoreOption}
 */
function bars(data, color) {
  return {
    color: [color],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.map((d) => d.name), axisLabel: { color: TEXT, interval: 0, rotate: data.length > 6 ? 30 : 0 }, axisLine: { lineStyle: { color: LINE } } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: MUTED }, splitLine: { lineStyle: { color: LINE } } },
    series: [{ type: 'bar', data: data.map((d) => d.value), barMaxWidth: 36, label: { show: true, position: 'top', color: TEXT } }],
  };
}

/**
 * The canvas says nothing to a screen reader (or to a test): its container's aria-label lists what it draws.
 * @param {string} name the `data-chart` name
 * @param {string} caption
 * @param {{ name: string, value: number }[]} data
 */
function describe(name, caption, data) {
  const text = data.length === 0 ? '暂无' : data.map((d) => `${d.name} ${d.value}`).join('，');
  chart(name).getDom().setAttribute('aria-label', `${caption}：${text}`);
}

/**
 * @param {Summary} summary
 * @param {Labels} labels
 */
export function renderCharts(summary, labels) {
  const sectors = ranked(summary.bySector, labels.sector);
  const regions = ranked(summary.byRegion, labels.region);
  const statuses = Object.entries(summary.byStatus).filter(([, n]) => n > 0).map(([code, n]) => ({ name: labels.status(code), value: n }));
  chart('sector').setOption(bars(sectors, PALETTE[0] ?? TEXT));
  chart('region').setOption(bars(regions, PALETTE[5] ?? TEXT));
  chart('status').setOption({
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { orient: 'vertical', right: 8, top: 'middle', textStyle: { color: TEXT } },
    series: [{
      type: 'pie',
      radius: ['45%', '75%'],
      center: ['38%', '50%'],
      label: { color: TEXT, formatter: '{c}' },
      data: statuses,
    }],
  });
  describe('sector', '按行业', sectors);
  describe('region', '按区域', regions);
  describe('status', '按状态', statuses);
}

/** The wall's window may change size (rotation, a second screen): the canvases follow. */
export function followResize() {
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
}
