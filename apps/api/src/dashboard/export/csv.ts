import { Table } from './tabular';

/** Excel detects UTF-8 only by this mark; without it Chinese text opens as mojibake. */
const BOM = '\uFEFF';

/**
 * What a spreadsheet may read as the start of a formula (OWASP, CSV Injection): =, +, -, @ and their
 * full-width forms (＝ ＋ － ＠, which a zh-CN IME types and Excel accepts), after any run of blanks, control
 * or invisible characters (space, U+3000, tab, CR, LF, NUL, zero-width, BOM) — Excel and LibreOffice skip
 * those before deciding. A field that starts with tab, CR, LF or NUL is neutralised whatever follows.
 */
const FORMULA_START = /^[\s\u0000-\u001f\u007f\u200b-\u200f\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n\u0000]/u;

/**
 * RFC 4180 CSV with a BOM and CRLF line ends, as Excel on zh-CN Windows expects. A field is quoted when it
 * holds a comma, a quote or a line break (quotes doubled). A text field that could start a formula gets a
 * leading apostrophe, so a hazard description cannot run as a formula in a spreadsheet.
 */
export function toCsv(table: Table): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function field(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
