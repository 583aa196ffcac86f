import { GROUP_BYS, GroupBy } from '@hazard/projections';

/** API.md: `regionCode` 2–12 digits; `groupBy` region|sector|level|source; else 400 naming it. */
export const REGION_CODE = /^\d{2,12}$/;
export const REGION_CODE_MESSAGE = 'regionCode must be 2 to 12 digits (a region code such as 3301)';
export const GROUP_BY_MESSAGE = `groupBy must be one of ${GROUP_BYS.join(', ')}`;
export const PERIOD_MESSAGE = 'period is required: YYYY, YYYYQ1–YYYYQ4 or YYYY-MM (e.g. 2026Q1)';

export const REPORT_FORMATS = ['json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const FORMAT_MESSAGE = `format must be one of ${REPORT_FORMATS.join(', ')}`;

export { GROUP_BYS, type GroupBy };

/** `sectors=gas,fire` (or repeated `sectors=`) as a list of codes; anything else is left for the validators to refuse. */
export function commaSeparated({ value }: { value: unknown }): unknown {
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((part) => typeof part === 'string')) return value;
  return parts.flatMap((part: string) => part.split(',')).map((code) => code.trim()).filter((code) => code !== '');
}
