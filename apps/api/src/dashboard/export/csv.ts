import { Table } from './tabular';

/** Excel detects UTF-8 only by this mark; without it Chinese text opens as mojibake. */
const BOM = '\uFEFF';

/**
 * RFC 4180 CSV with a BOM and CRLF line ends, as Excel on zh-CN Windows expects. A field is quoted when it
 * holds a comma, a quote or a line break (quotes doubled). A text field that starts like a formula (=, +, -,
 * @, tab, CR) gets a leading apostrophe, so a hazard description cannot run as a formula in a spreadsheet.
 */
export function toCsv(table: Table): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
