import { IEvent } from '@nestjs/cqrs';
import { HazardEvent, HazardState } from '@hazard/domain';
import { RecordedEvent } from '@hazard/event-store';

/**
 * What sagas see on the EventBus: one hazard event the store has committed, published by the EventBusRelay
 * (the only publisher; command handlers never publish). It carries the hazard's state on either side of
 * the event, folded from the stream, so a saga can decide from the message alone and stays synchronous.
 */
export class HazardEventRecorded implements IEvent {
  constructor(
    /** As stored: position, revision, ids and metadata (correlation, actor, hash). */
    readonly recorded: RecordedEvent,
    /** The same event brought to its current schemaVersion. */
    readonly event: HazardEvent,
    readonly before: HazardState,
    readonly after: HazardState,
  ) {}
}
