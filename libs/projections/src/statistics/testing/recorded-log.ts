import { HazardEvent, hazardIdFor, schemaVersionOf, streamIdFor } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';
import { collectCycleFacts, HazardFacts } from '../cycle-facts';

/**
 * A log of hazard events as the store hands them to readers: positions 1, 2, … in the order recorded,
 * revisions per stream, occurredAt as the command stamped it and recordedAt (later, for a finding entered late).
 */
export class RecordedLog {
  private readonly recorded: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();

  record(hazardId: string, event: HazardEvent, occurredAt: string, recordedAt: string = occurredAt): this {
    const streamId = streamIdFor(hazardId);
    const revision = (this.revisions.get(streamId) ?? -1) + 1;
    this.revisions.set(streamId, revision);
    const position = this.recorded.length + 1;
    const commandId = `command-${position}`;
    this.recorded.push({
      id: `event-${position}`,
      streamId,
      revision,
      position,
      recordedAt,
      type: event.type,
      data: event.data,
      metadata: { commandId, correlationId: commandId, causationId: commandId, actor: { userId: 'u', departmentId: 'd', roles: [] }, occurredAt, schemaVersion: schemaVersionOf(event.type) },
    });
    return this;
  }

  get head(): number {
    return this.recorded.length;
  }

  /** The log's head as it was at an instant: the last position recorded by then. */
  positionAt(instant: string): number {
    return this.recorded.filter((r) => Date.parse(r.recordedAt) <= Date.parse(instant)).reduce((head, r) => Math.max(head, r.position), 0);
  }

  events(upTo = Infinity): RecordedEvent[] {
    return this.recorded.filter((r) => r.position <= upTo);
  }

  /** The statistics facts of the log (up to a position), folded as the projector and a recomputation fold them. */
  facts(upTo = Infinity): HazardFacts[] {
    return [...collectCycleFacts(this.events(upTo)).values()];
  }
}

/** A distinct hazard per name, so a scripted log reads as A, B, C… */
export function hazardNamed(name: string): string {
  return hazardIdFor({ unitId: `UNIT-${name}`, location: `${name}号楼`, categoryCode: 'CAT' });
}
