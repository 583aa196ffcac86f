import { HazardEvent, HazardState } from '@hazard/domain';
import { AggregateOutcome } from '@hazard/event-store';

/** API.md's command response. */
export interface HazardCommandResult {
  readonly hazardId: string;
  readonly status: string;
  readonly occurrence: number;
  readonly revision: number;
  readonly position: number;
  readonly foundAgain?: boolean;
  /** For a closure application: when its review is due. */
  readonly reviewDeadline?: string;
}

export function hazardCommandResult({ id, state, revision, position, events }: AggregateOutcome<HazardEvent, HazardState>): HazardCommandResult {
  if (!state.exists) throw new Error(`hazard ${id} has no state after a successful command`);
  const foundAgain = events.some((e) => e.type === 'HazardFoundAgain');
  return {
    hazardId: id,
    status: state.status,
    occurrence: state.occurrence,
    revision,
    position,
    ...(events.some((e) => e.type === 'HazardFound' || e.type === 'HazardFoundAgain') ? { foundAgain } : {}),
    ...reviewDeadlineOf(events),
  };
}

function reviewDeadlineOf(events: readonly HazardEvent[]): { reviewDeadline?: string } {
  const applied = events.find((e) => e.type === 'ClosureApplied');
  return applied?.type === 'ClosureApplied' ? { reviewDeadline: applied.data.reviewDeadline } : {};
}
