import { evolve, ExistingHazard, HazardEvent, HazardState, initialState, profileOf, rectifierUnitsOf } from '@hazard/domain';
import { publicationChanges } from './publication.projection';
import { CyclePatch, EventPlace, HazardRow, ReadModelChange, UnitCounts } from './hazard-read-model';

/**
 * The read side of one hazard event, as a pure function: the hazard's row before it (undefined before its
 * HazardFound) and the event give the changes to the read models. The hazard's state is folded by the
 * domain's own `evolve`, so the list shows exactly what `GET /hazards/:id` replays from the stream.
 */
export function projectHazardEvent(before: HazardRow | undefined, event: HazardEvent, at: EventPlace): ReadModelChange[] {
  const beforeState = before?.state ?? initialState();
  const after = evolve(beforeState, event);
  if (!after.exists) return []; // an event before the hazard's HazardFound: nothing to show
  const row = hazardRow(after, before, at);
  return [
    { kind: 'hazard', row },
    ...cycleChanges(beforeState.exists ? beforeState : undefined, after, event),
    ...unitChanges(before, after, event),
    ...departmentChanges(after, event),
    ...unitReadChanges(beforeState, after),
    ...publicationChanges(beforeState, after, event, at.occurredAt),
  ];
}

function hazardRow(state: ExistingHazard, before: HazardRow | undefined, at: EventPlace): HazardRow {
  const assignment = state.assignment;
  const deadline = state.deadline ?? null;
  const { description: _description, ...profile } = profileOf(state);
  return {
    hazardId: state.hazardId,
    ...profile,
    status: state.status,
    occurrence: state.occurrence,
    repeatFindings: state.repeatFindings,
    responsibleUnitId: assignment?.responsibleUnitId ?? null,
    responsiblePerson: assignment?.responsiblePerson ?? null,
    supervisingDepartment: assignment?.supervisingDepartment ?? null,
    deadline,
    deadlineMs: deadline === null ? null : instantOrNull(deadline),
    overdueMarked: state.overdue,
    underSupervision: state.underSupervision,
    foundAt: before?.foundAt ?? at.occurredAt,
    foundPosition: before?.foundPosition ?? at.position,
    updatedAt: at.occurredAt,
    revision: at.revision,
    position: at.position,
    state,
  };
}

function cycleChanges(before: ExistingHazard | undefined, after: ExistingHazard, event: HazardEvent): ReadModelChange[] {
  const cycle = (occurrence: number, set: CyclePatch): ReadModelChange => ({ kind: 'cycle', hazardId: after.hazardId, occurrence, unitId: after.unitId, set });
  switch (event.type) {
    case 'RectificationAssigned':
      return [cycle(event.data.occurrence, { supervisingDepartment: event.data.supervisingDepartment, responsibleUnitId: event.data.responsibleUnitId })];
    case 'HazardRectified': {
      const late = Date.parse(event.data.completedAt) - Date.parse(event.data.deadline);
      // The latest rectification of the cycle decides whether it was on time (a failed verification sends it back).
      return [cycle(event.data.occurrence, { rectified: true, onTime: event.data.onTime, lateMs: Number.isFinite(late) && late > 0 ? late : 0 })];
    }
    case 'HazardVerified':
      return [cycle(event.data.occurrence, { verified: true })];
    case 'HazardReopened':
      return before ? [cycle(before.occurrence, { verificationNotHeld: true })] : [];
    case 'HazardFoundAgain':
      // Only a finding after verification means the verified fix did not hold; an open hazard found again
      // is a repeat finding of the same cycle.
      return before && event.data.previousStatus === 'verified' ? [cycle(before.occurrence, { verificationNotHeld: true })] : [];
    default:
      return [];
  }
}

function unitChanges(before: HazardRow | undefined, after: ExistingHazard, event: HazardEvent): ReadModelChange[] {
  const unit = (add: UnitCounts): ReadModelChange => ({ kind: 'unit', unitId: after.unitId, unitName: after.unitName, add });
  switch (event.type) {
    case 'HazardFound':
      // A second HazardFound on one stream is never written by `decide`; if one were, it is not a new hazard.
      return [unit({ hazards: before ? 0 : 1, findings: 1, foundAgain: 0, repeatHazards: 0 })];
    case 'HazardFoundAgain':
      return [unit({ hazards: 0, findings: 1, foundAgain: 1, repeatHazards: before && before.repeatFindings === 0 ? 1 : 0 })];
    default:
      return [];
  }
}

function departmentChanges(after: ExistingHazard, event: HazardEvent): ReadModelChange[] {
  if (event.type !== 'ClosureReviewOverdue') return [];
  return [{ kind: 'department', department: event.data.chargedTo, hazardId: after.hazardId, add: { closureReviewsOverdue: 1 } }];
}

/** The units whose rectifiers may read the hazard after the event and could not before. */
function unitReadChanges(before: HazardState, after: ExistingHazard): ReadModelChange[] {
  const earlier = before.exists ? rectifierUnitsOf(before) : [];
  return rectifierUnitsOf(after)
    .filter((unitId) => !earlier.includes(unitId))
    .map((unitId) => ({ kind: 'unit-read', unitId, hazardId: after.hazardId }));
}

function instantOrNull(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}
