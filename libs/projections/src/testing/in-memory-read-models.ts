import { HazardEvent } from '@hazard/domain';
import { CycleRow, DepartmentRow, EMPTY_CYCLE, HazardRow, ReadModelChange, UnitRow } from '../hazards/hazard-read-model';
import { projectHazardEvent } from '../hazards/hazard.projection';

/**
 * The read models in memory, changed exactly as the SQLite store changes them (upsert a hazard, merge a
 * cycle, add to a unit), so the pure projection can be specified as Given events → Then rows.
 */
export class InMemoryReadModels {
  readonly hazards = new Map<string, HazardRow>();
  readonly cycles = new Map<string, CycleRow>();
  readonly units = new Map<string, UnitRow>();
  readonly departments = new Map<string, DepartmentRow>();
  /** `unitId#hazardId`: the unit's rectifiers may read the hazard. */
  readonly unitReads = new Set<string>();

  apply(changes: readonly ReadModelChange[]): void {
    for (const change of changes) {
      if (change.kind === 'hazard') this.hazards.set(change.row.hazardId, change.row);
      else if (change.kind === 'cycle') {
        const key = `${change.hazardId}#${change.occurrence}`;
        const current = this.cycles.get(key) ?? { hazardId: change.hazardId, occurrence: change.occurrence, unitId: change.unitId, ...EMPTY_CYCLE };
        this.cycles.set(key, { ...current, ...change.set });
      } else if (change.kind === 'publication' || change.kind === 'publication-patch') {
        continue; // the public list is specified through SQLite (test/public-supervision.e2e-spec.ts)
      } else if (change.kind === 'unit-read') {
        this.unitReads.add(`${change.unitId}#${change.hazardId}`);
      } else if (change.kind === 'department') {
        const current = this.departments.get(change.department)?.closureReviewsOverdue ?? 0;
        this.departments.set(change.department, { department: change.department, closureReviewsOverdue: current + change.add.closureReviewsOverdue });
      } else {
        const current = this.units.get(change.unitId) ?? { unitId: change.unitId, unitName: change.unitName, hazards: 0, findings: 0, foundAgain: 0, repeatHazards: 0 };
        const { add } = change;
        this.units.set(change.unitId, {
          ...current,
          unitName: add.hazards ? change.unitName : current.unitName,
          hazards: current.hazards + add.hazards,
          findings: current.findings + add.findings,
          foundAgain: current.foundAgain + add.foundAgain,
          repeatHazards: current.repeatHazards + add.repeatHazards,
        });
      }
    }
  }
}

/** Given these events of hazard streams (in log order, positions 1, 2, …), the read models they build. */
export function given(...streams: (readonly HazardEvent[])[]): InMemoryReadModels {
  const models = new InMemoryReadModels();
  let position = 0;
  for (const events of streams) {
    events.forEach((event, revision) => {
      position += 1;
      const hazardId = events[0]?.type === 'HazardFound' ? events[0].data.hazardId : 'unknown';
      const at = { position, revision, occurredAt: `2026-03-01T00:00:${String(position % 60).padStart(2, '0')}.000Z` };
      models.apply(projectHazardEvent(models.hazards.get(hazardId), event, at));
    });
  }
  return models;
}
