import { Inject, Injectable } from '@nestjs/common';
import { evolve, ExistingHazard, HazardEvent, HazardNotFoundError, initialState, streamIdFor } from '@hazard/domain';
import { EventStore, RecordedEvent, StreamNotFoundError } from '@hazard/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

export interface HazardView extends Omit<ExistingHazard, 'exists'> {
  readonly revision: number;
  readonly position: number;
}

/** Reads a hazard straight from its stream: the source of truth, not a read model. */
@Injectable()
export class HazardReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async events(hazardId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(streamIdFor(hazardId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new HazardNotFoundError(hazardId);
      throw error;
    }
  }

  async current(hazardId: string): Promise<HazardView> {
    return viewOf(hazardId, await this.events(hazardId));
  }
}

/** Folds stored events into the state the API shows, with the revision and position it stands at. */
export function viewOf(hazardId: string, events: readonly RecordedEvent[]): HazardView {
  const state = events.reduce((s, e) => evolve(s, e as unknown as HazardEvent), initialState());
  const last = events[events.length - 1];
  if (!state.exists || !last) throw new HazardNotFoundError(hazardId);
  const { exists: _exists, ...rest } = state;
  return { ...rest, revision: last.revision, position: last.position };
}
