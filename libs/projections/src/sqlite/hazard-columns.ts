import { HazardRow } from '../hazards/hazard-read-model';

/** HazardRow field ↔ column of the hazards table, the one place both directions are written. */
const COLUMNS = {
  hazardId: 'hazard_id',
  unitId: 'unit_id',
  unitName: 'unit_name',
  location: 'location',
  categoryCode: 'category_code',
  sector: 'sector',
  regionCode: 'region_code',
  gridId: 'grid_id',
  level: 'level',
  source: 'source',
  status: 'status',
  occurrence: 'occurrence',
  repeatFindings: 'repeat_findings',
  responsibleUnitId: 'responsible_unit_id',
  responsiblePerson: 'responsible_person',
  supervisingDepartment: 'supervising_department',
  deadline: 'deadline',
  deadlineMs: 'deadline_ms',
  overdueMarked: 'overdue_marked',
  underSupervision: 'under_supervision',
  discoveredAt: 'discovered_at',
  foundAt: 'found_at',
  foundPosition: 'found_position',
  updatedAt: 'updated_at',
  revision: 'revision',
  position: 'position',
  state: 'state',
} as const satisfies Record<keyof HazardRow, string>;

export type HazardField = keyof typeof COLUMNS;
type Field = HazardField;
const FIELDS = Object.keys(COLUMNS) as Field[];
const BOOLEAN_FIELDS = new Set<Field>(['overdueMarked', 'underSupervision']);

/** Every column; the projector reads and writes them all. */
export const HAZARD_COLUMNS = FIELDS.map((f) => COLUMNS[f]);

/** Every column but the folded domain state, which only the projector needs: what queries select. */
export const HAZARD_VIEW_COLUMNS = HAZARD_COLUMNS.filter((c) => c !== COLUMNS.state);

/** The columns of some fields, for a query that needs only those (hazardFromSql leaves the others undefined). */
export function hazardColumnsOf(fields: readonly Field[]): string {
  return fields.map((f) => COLUMNS[f]).join(', ');
}

/** Named parameters for an INSERT: booleans as 0/1, the state as JSON. */
export function hazardToSql(row: HazardRow): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = row[field];
    values[COLUMNS[field]] = field === 'state' ? JSON.stringify(value) : BOOLEAN_FIELDS.has(field) ? (value ? 1 : 0) : value;
  }
  return values;
}

/** A row read back; `state` is present only when the column was selected. */
export function hazardFromSql(r: Record<string, unknown>): Omit<HazardRow, 'state'> & { state?: HazardRow['state'] } {
  const row: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = r[COLUMNS[field]];
    if (field === 'state') {
      if (typeof value === 'string') row.state = JSON.parse(value);
    } else row[field] = BOOLEAN_FIELDS.has(field) ? value === 1 : value;
  }
  return row as Omit<HazardRow, 'state'> & { state?: HazardRow['state'] };
}
