import { CodeNames } from './code-names';

/** A cell as both exports write it: numbers stay numbers; yes/no and missing values read naturally in zh-CN. */
export type Cell = string | number | boolean | null | undefined;

/**
 * One column of an exported list: its zh-CN header, its value per row (naming catalogue codes through `names`),
 * and a width hint for the workbook.
 */
export interface Column<T> {
  readonly header: string;
  readonly value: (row: T, names: CodeNames) => Cell;
  readonly width?: number;
}

/** A list as a table: the download's file name (ASCII and zh-CN), its sheet title and its columns. */
export interface TableSpec<T> {
  /** ASCII stem of the file name, e.g. `overdue-hazards`. */
  readonly name: string;
  /** zh-CN title: the sheet name and the localized file name. */
  readonly title: string;
  readonly columns: readonly Column<T>[];
}

export interface Table {
  readonly headers: readonly string[];
  readonly rows: readonly (string | number)[][];
}

/** The rows of a list as plain cells: booleans as 是/否, missing values empty, codes named by `names`. */
export function tableOf<T>(spec: TableSpec<T>, items: readonly T[], names: CodeNames): Table {
  return {
    headers: spec.columns.map((c) => c.header),
    rows: items.map((item) => spec.columns.map((c) => plain(c.value(item, names)))),
  };
}

function plain(cell: Cell): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return cell;
}
