import { Workbook, Worksheet } from 'exceljs';
import { lateEntries } from './late-entries';
import { differences } from './statistics-differences';
import { computeStatistics, rowKeysOf } from './statistics-report';
import { STATISTICS_SHEET, statisticsFileNames, statisticsXlsx } from './statistics-xlsx';
import { aCatalogue } from './testing/statistics-catalogue.double';
import { FILED_AT, firstQuarterLog } from './testing/first-quarter-log';
import { q1Query } from './testing/statistics.mother';

const log = firstQuarterLog();
const catalogue = aCatalogue();
const report = computeStatistics(log.facts(), q1Query(), catalogue);

async function readBack(buffer: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheetOf(workbook: Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function textsOfRow(sheet: Worksheet, row: number): string[] {
  const texts: string[] = [];
  sheet.getRow(row).eachCell((cell) => {
    if (!cell.isMerged || cell.master.address === cell.address) texts.push(String(cell.value));
  });
  return texts;
}

describe('隐患排查治理统计分析表 (xlsx), read back with exceljs', () => {
  let sheet: Worksheet;

  beforeAll(async () => {
    sheet = sheetOf(await readBack(await statisticsXlsx(report, { position: log.head, catalogue })), STATISTICS_SHEET);
  });

  it('sheet 统计分析表: the title merged over the table, the scope on row 2', () => {
    expect(sheet.getCell('A1').value).toBe('隐患排查治理统计分析表');
    expect(sheet.getCell('U1').master.address).toBe('A1');
    expect(textsOfRow(sheet, 2)).toEqual(['统计期间：2026年第一季度', '区划：杭州市（3301）', '行业：全部', '分组：按区划', `数据位置：${log.head}`]);
  });

  it('rows 3–4: header groups merged across, single columns merged down', () => {
    expect(textsOfRow(sheet, 3)).toEqual(['分组', '排查隐患', '一般隐患', '重大隐患', '按期整改率', '期末未整改', '期末逾期', '期末挂牌督办', '隐患来源']);
    expect(sheet.getCell('A4').master.address).toBe('A3');
    expect(sheet.getCell('C3').master.address).toBe('B3');
    expect(sheet.getCell('K3').master.address).toBe('G3');
    expect(sheet.getCell('L4').master.address).toBe('L3');
    expect(textsOfRow(sheet, 4)).toEqual([
      '合计', '其中重大', '已整改', '整改率', '本期整改销号', '已整改', '整改率', '本期整改销号', '列入治理计划', '治理资金（元）', '县级', '市级', '省级', '部门检查', '企业自查', '群众举报', '其他',
    ]);
  });

  it('a row per group then 合计 in bold; numbers stay numbers, rates 0.00%, funding in yuan', () => {
    expect([5, 6, 7, 8, 9].map((r) => sheet.getCell(r, 1).value)).toEqual(['上城区', '拱墅区', '西湖区', '其他', '合计']);
    expect(sheet.getCell('B5').value).toBe(2);
    expect(sheet.getCell('E5')).toMatchObject({ value: 1, numFmt: '0.00%' });
    expect(sheet.getCell('K5').value).toBe(0.1);
    expect(sheet.getCell('K9').value).toBe(0.3);
    expect(sheet.getCell('L9')).toMatchObject({ value: 0.75, numFmt: '0.00%' });
    expect(sheet.getCell('Q9').value).toBe(1);
    expect(sheet.getCell('A9').font?.bold).toBe(true);
    expect(sheet.getCell('A8').font?.bold).toBeFalsy();
  });

  it('a footer to sign, left blank', () => {
    expect(textsOfRow(sheet, 11)).toEqual(['填报单位：', '负责人（签字）：', '填报人：', '填报日期：']);
  });

  it('file names: statistics-2026Q1-3301.xlsx, and the zh-CN one for filename*', () => {
    expect(statisticsFileNames(report)).toEqual({ fileName: 'statistics-2026Q1-3301.xlsx', displayName: '隐患排查治理统计分析表-2026年第一季度.xlsx' });
    expect(statisticsFileNames({ period: '2026-03', regionCode: null })).toEqual({ fileName: 'statistics-2026-03.xlsx', displayName: '隐患排查治理统计分析表-2026年3月.xlsx' });
  });
});

describe('a filing’s 统计分析表: its id and digest, then 更正后 and 差异', () => {
  const position = log.positionAt(FILED_AT);
  const asFiled = computeStatistics(log.facts(), q1Query({ asOfPosition: position }), catalogue);
  const asCorrected = computeStatistics(log.facts(), q1Query({ rowKeys: rowKeysOf(asFiled) }), catalogue);
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = await readBack(
      await statisticsXlsx(asFiled, {
        position,
        catalogue,
        filing: { filingId: 'filing-1', digest: asFiled.digest },
        corrected: { report: asCorrected, position: log.head, differences: differences(asFiled, asCorrected), lateEntries: lateEntries(log.facts(), position, asFiled.to) },
      }),
    );
  });

  it('the form names the filing and its digest under the footer', () => {
    const form = sheetOf(workbook, STATISTICS_SHEET);
    expect(form.getCell('A12').value).toBe('报送编号：filing-1');
    expect(form.getCell('A13').value).toBe(`数字摘要（SHA-256）：${asFiled.digest}`);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['统计分析表', '更正后', '差异']);
  });

  it('更正后 is the same table computed now; 差异 lists each figure that moved and the late entry', () => {
    const corrected = sheetOf(workbook, '更正后');
    const diff = sheetOf(workbook, '差异');

    expect(corrected.getCell('A1').value).toBe('隐患排查治理统计分析表（更正后）');
    expect(corrected.getCell('B9').value).toBe(7);
    expect(textsOfRow(diff, 3)).toEqual(['西湖区', '排查隐患 合计', '0', '1']);
    expect([diff.getCell('C9').value, diff.getCell('D9').value, diff.getCell('C9').numFmt]).toEqual([0.5, 0.4, '0.00%']);
    const lateHeader = diff.getColumn(1).values.indexOf('隐患编号');
    expect(diff.getRow(lateHeader + 1).getCell(3).value).toBe('HazardFound');
  });
});
