/** A JSON object as JSON.parse gives it. */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Reads the fields of one catalogue entry, recording each problem under the entry's label
 * (`regions[3] (330102)`), so a broken file is reported entry by entry instead of stopping at the first.
 */
export class EntryFields {
  readonly label: string;

  constructor(
    private readonly record: JsonObject,
    where: string,
    allowed: readonly string[],
    private readonly problems: string[],
  ) {
    this.label = typeof record['code'] === 'string' ? `${where} (${record['code']})` : where;
    for (const key of Object.keys(record)) {
      if (!allowed.includes(key)) this.problem(`unknown field ${key}`);
    }
  }

  problem(problem: string): void {
    this.problems.push(`${this.label}: ${problem}`);
  }

  /** A string matching `pattern` (any non-blank string without one); `rule` says what was expected. */
  text(key: string, pattern?: RegExp, rule = 'a non-empty string'): string | undefined {
    const value = this.record[key];
    if (typeof value === 'string' && value.trim() !== '' && (!pattern || pattern.test(value))) return value;
    this.problem(`${key} must be ${rule}, got ${describe(value)}`);
    return undefined;
  }

  /** A list of strings; `optional` lets the key be absent (read as empty). */
  texts(key: string, { optional = false, nonEmpty = false } = {}): readonly string[] | undefined {
    const value = this.record[key];
    if (value === undefined && optional) return [];
    const rule = `${nonEmpty ? 'a non-empty' : 'an'} array of codes`;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '') || (nonEmpty && value.length === 0)) {
      this.problem(`${key} must be ${rule}, got ${describe(value)}`);
      return undefined;
    }
    const twice = value.find((item, index) => value.indexOf(item) !== index);
    if (twice !== undefined) {
      this.problem(`${key} lists ${twice} twice`);
      return undefined;
    }
    return [...(value as string[])];
  }

  /** A string or null (the key must be present). */
  textOrNull(key: string, pattern: RegExp, rule: string): string | null | undefined {
    return this.record[key] === null ? null : this.text(key, pattern, rule);
  }

  /** A real calendar day as YYYY-MM-DD (2023-02-30 is refused). */
  day(key: string): string | undefined {
    const value = this.text(key, /^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
    if (value === undefined) return undefined;
    const parsed = Date.parse(`${value}T00:00:00Z`);
    if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== value) {
      this.problem(`${key} ${value} is not a calendar date`);
      return undefined;
    }
    return value;
  }
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
