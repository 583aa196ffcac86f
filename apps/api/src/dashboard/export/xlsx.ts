import { Workbook } from 'exceljs';
import { Table, TableSpec } from './tabular';

/**
 * A real .xlsx workbook (exceljs): one sheet named by the list's zh-CN title, a bold frozen header row, and
 * numbers as numeric cells so a weekly 通报 can sum and sort them. Text is written as text, never as a formula.
 */
export async function toXlsx(spec: TableSpec<unknown>, table: Table, createdAt: Date): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'hazard-ledger';
  workbook.created = createdAt;
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((column) => ({ header: column.header, width: column.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
