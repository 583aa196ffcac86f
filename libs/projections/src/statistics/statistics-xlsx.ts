import { Workbook, Worksheet } from 'exceljs';
import { LateEntry } from './late-entries';
import { periodLabel } from './period';
import { StatisticsCatalogue } from './statistics-catalogue';
import { StatisticsDifference, TOTAL_ROW_KEY } from './statistics-differences';
import { RATE_FIELDS, StatisticsFigures } from './statistics-figures';
import { FIGURE_NAMES, GROUP_BY_NAMES } from './statistics-labels';
import { StatisticsReport } from './statistics-report';
import { COLUMN_COUNT, HEADER_GROUPS, NUMBER_FORMATS } from './statistics-xlsx-columns';

export const STATISTICS_TITLE = '隐患排查治理统计分析表';
export const STATISTICS_SHEET = '统计分析表';

export interface StatisticsWorkbookMeta {
  /** 数据位置: the log position the figures were computed at (a filing's own position). */
  readonly position: number;
  readonly catalogue: Pick<StatisticsCatalogue, 'regionName' | 'sectorName'>;
  /** For a filing: printed under the form so the paper copy can be matched to the ledger. */
  readonly filing?: { readonly filingId: string; readonly digest: string };
  /** For a filing read later: the report computed now (sheet 更正后) and what differs (sheet 差异). */
  readonly corrected?: {
    readonly report: StatisticsReport;
    readonly position: number;
    readonly differences: readonly StatisticsDifference[];
    readonly lateEntries?: readonly LateEntry[];
  };
  readonly createdAt?: Date;
}

/** The 隐患排查治理统计分析表 as an exceljs workbook: numbers stay numbers, rates `0.00%`, funding in yuan. */
export function statisticsWorkbook(report: StatisticsReport, meta: StatisticsWorkbookMeta): Workbook {
  const workbook = new Workbook();
  workbook.creator = 'hazard-ledger';
  if (meta.createdAt) workbook.created = meta.createdAt;
  const form = workbook.addWorksheet(STATISTICS_SHEET, { pageSetup: { orientation: 'landscape', fitToPage: true } });
  let next = writeForm(form, report, meta.position, meta.catalogue, STATISTICS_TITLE);
  next = writeFooter(form, next + 1);
  if (meta.filing) {
    writeLine(form, next++, `报送编号：${meta.filing.filingId}`);
    writeLine(form, next++, `数字摘要（SHA-256）：${meta.filing.digest}`);
  }
  if (meta.corrected) {
    const { report: now, position, differences, lateEntries } = meta.corrected;
    const corrected = workbook.addWorksheet('更正后', { pageSetup: { orientation: 'landscape', fitToPage: true } });
    const after = writeForm(corrected, now, position, meta.catalogue, `${STATISTICS_TITLE}（更正后）`);
    writeLine(corrected, after + 1, `按报送后补录的记录（迟报）重新计算；数字摘要（SHA-256）：${now.digest}`);
    writeDifferences(workbook.addWorksheet('差异'), report, now, differences, lateEntries ?? []);
  }
  return workbook;
}

export async function statisticsXlsx(report: StatisticsReport, meta: StatisticsWorkbookMeta): Promise<Buffer> {
  return Buffer.from(await statisticsWorkbook(report, meta).xlsx.writeBuffer());
}

/** `statistics-2026Q1-3301.xlsx`, and for `filename*` 隐患排查治理统计分析表-2026年第一季度.xlsx. */
export function statisticsFileNames(report: Pick<StatisticsReport, 'period' | 'regionCode'>): { fileName: string; displayName: string } {
  const region = report.regionCode ? `-${report.regionCode}` : '';
  return { fileName: `statistics-${report.period}${region}.xlsx`, displayName: `${STATISTICS_TITLE}-${periodLabel(report.period)}.xlsx` };
}

/** Rows 1–4 (title, scope, header groups), a row per group and 合计 in bold; returns the next free row. */
function writeForm(sheet: Worksheet, report: StatisticsReport, position: number, catalogue: StatisticsWorkbookMeta['catalogue'], title: string): number {
  sheet.getColumn(1).width = 20;
  for (let c = 2; c <= COLUMN_COUNT; c++) sheet.getColumn(c).width = 11;
  writeLine(sheet, 1, title, { bold: true, size: 16 }, 'center');
  const scope = [
    `统计期间：${periodLabel(report.period)}`,
    `区划：${regionText(report.regionCode, catalogue)}`,
    `行业：${report.sectors ? report.sectors.map((s) => catalogue.sectorName(s)).join('、') : '全部'}`,
    `分组：${GROUP_BY_NAMES[report.groupBy]}`,
    `数据位置：${position}`,
  ];
  const spans = [[1, 4], [5, 9], [10, 13], [14, 17], [18, COLUMN_COUNT]] as const;
  scope.forEach((text, i) => {
    const [from, to] = spans[i]!;
    sheet.mergeCells(2, from, 2, to);
    sheet.getCell(2, from).value = text;
  });
  writeHeaders(sheet);
  let row = 5;
  for (const r of report.rows) writeFigures(sheet, row++, r.name, r);
  writeFigures(sheet, row, '合计', report.total);
  sheet.getRow(row).font = { bold: true };
  return row + 1;
}

function writeHeaders(sheet: Worksheet): void {
  const centred = (r: number, c: number, text: string): void => {
    const cell = sheet.getCell(r, c);
    cell.value = text;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.font = { bold: true };
  };
  sheet.mergeCells(3, 1, 4, 1);
  centred(3, 1, '分组');
  let column = 2;
  for (const group of HEADER_GROUPS) {
    const last = column + group.columns.length - 1;
    const single = group.columns.length === 1 && group.columns[0]!.title === undefined;
    sheet.mergeCells(3, column, single ? 4 : 3, last);
    centred(3, column, group.title);
    if (!single) group.columns.forEach((col, i) => centred(4, column + i, col.title ?? ''));
    column = last + 1;
  }
}

function writeFigures(sheet: Worksheet, row: number, name: string, figures: StatisticsFigures): void {
  sheet.getCell(row, 1).value = name;
  let column = 2;
  for (const group of HEADER_GROUPS) {
    for (const col of group.columns) {
      const cell = sheet.getCell(row, column++);
      cell.value = col.value(figures);
      cell.numFmt = NUMBER_FORMATS[col.format];
    }
  }
}

/** 填报单位 / 负责人（签字） / 填报人 / 填报日期, left blank for the paper copy. */
function writeFooter(sheet: Worksheet, row: number): number {
  const spans = [[1, 5, '填报单位：'], [6, 10, '负责人（签字）：'], [11, 15, '填报人：'], [16, COLUMN_COUNT, '填报日期：']] as const;
  for (const [from, to, label] of spans) {
    sheet.mergeCells(row, from, row, to);
    sheet.getCell(row, from).value = label;
  }
  return row + 1;
}

function writeDifferences(sheet: Worksheet, filed: StatisticsReport, now: StatisticsReport, diffs: readonly StatisticsDifference[], late: readonly LateEntry[]): void {
  const names = new Map([...now.rows, ...filed.rows].map((r) => [r.key, r.name]));
  sheet.columns = [{ width: 20 }, { width: 22 }, { width: 14 }, { width: 14 }, { width: 26 }, { width: 26 }];
  writeLine(sheet, 1, '差异（报送时 → 更正后）', { bold: true, size: 14 }, 'left', 6);
  sheet.addRow(['分组', '指标', '报送时', '更正后']).font = { bold: true };
  for (const d of diffs) {
    const row = sheet.addRow([d.key === TOTAL_ROW_KEY ? '合计' : (names.get(d.key) ?? String(d.key)), FIGURE_NAMES[d.field] ?? d.field, shown(d.field, d.asFiled), shown(d.field, d.asCorrected)]);
    const format = RATE_FIELDS.includes(d.field) ? NUMBER_FORMATS.rate : d.field === 'fundingPlanned' ? NUMBER_FORMATS.yuan : NUMBER_FORMATS.count;
    for (const c of [3, 4]) row.getCell(c).numFmt = format;
  }
  sheet.addRow([]);
  sheet.addRow(['迟报记录（报送后补录、计入本期）']).font = { bold: true };
  sheet.addRow(['隐患编号', '整改轮次', '事件', '计入时间', '记录时间', '数据位置']).font = { bold: true };
  for (const e of late) sheet.addRow([e.hazardId, e.occurrence, e.type, e.countsAt, e.recordedAt, e.position]);
}

function shown(field: string, value: number | null): number | null {
  return value !== null && field === 'fundingPlanned' ? value / 100 : value;
}

function regionText(code: string | null, catalogue: StatisticsWorkbookMeta['catalogue']): string {
  if (code === null) return '全部';
  const name = catalogue.regionName(code);
  return name.includes(code) ? name : `${name}（${code}）`;
}

function writeLine(sheet: Worksheet, row: number, text: string, font?: { bold: boolean; size: number }, horizontal: 'left' | 'center' = 'left', width = COLUMN_COUNT): void {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.alignment = { horizontal, vertical: 'middle' };
  if (font) cell.font = font;
}
