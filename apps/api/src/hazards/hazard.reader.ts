import { Inject, Injectable } from '@nestjs/common';
import { accountabilityTrail, evolve, foldStored, HazardAsRead, hazardAsRead, hazardDecoder, HazardNotFoundError, HazardTrail, initialState } from '@hazard/domain';
import { EventStore, RecordedEvent, StreamNotFoundError } from '@hazard/event-store';
import { AppConfig, Clock } from '@hazard/platform';
import { CLOCK } from '../infrastructure/clock.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** The state as API.md shows it: as read at a time (signOverdue), with the revision and position it stands at. */
export type HazardView = Omit<HazardAsRead, 'exists'> & {
  readonly revision: number;
  readonly position: number;
};

/** Reads a hazard straight from its stream: the source of truth, not a read model. */
@Injectable()
export class HazardReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The events as stored (not upcast): what the history shows and the hash chain covers. */
  async events(hazardId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(hazardDecoder.streamIdFor(hazardId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new HazardNotFoundError(hazardId);
      throw error;
    }
  }

  async current(hazardId: string): Promise<HazardView> {
    return viewOf(hazardId, await this.events(hazardId), this.clock.now().toISOString());
  }

  /** The accountability trail, derived by the domain from the (upcast) events; open periods run until now. */
  async trail(hazardId: string): Promise<HazardTrail> {
    const events = (await this.events(hazardId)).map((e) => hazardDecoder.upcast(e));
    const inputs = events.map((e) => ({ type: e.type, data: e.data, revision: e.revision, occurredAt: e.metadata.occurredAt, actor: e.metadata.actor }));
    return accountabilityTrail(inputs, { now: this.clock.now().toISOString(), lateReportHours: this.config.lateReportHours });
  }

  /** The state as it stood at a time (events that had occurred by then) or at a revision. */
  async asOf(hazardId: string, at: { time?: string; revision?: number }): Promise<HazardView> {
    const events = await this.events(hazardId);
    const until = at.time === undefined ? Infinity : Date.parse(at.time);
    const lastRevision = at.revision ?? Infinity;
    const firstLater = events.findIndex((e) => Date.parse(e.metadata.occurredAt) > until || e.revision > lastRevision);
    const prefix = firstLater === -1 ? events : events.slice(0, firstLater);
    if (prefix.length === 0) throw new HazardNotFoundError(hazardId, at.time ? `did not exist yet at ${at.time}` : undefined);
    if (at.revision !== undefined && at.revision > prefix.length - 1) {
      throw new HazardNotFoundError(hazardId, `has no revision ${at.revision} (latest is ${prefix.length - 1})`);
    }
    // What depends on the reading time is computed at the as-of time (or, by revision, at that event's time).
    return viewOf(hazardId, prefix, at.time ?? prefix[prefix.length - 1]!.metadata.occurredAt);
  }
}

/** Folds stored events (through the hazard's decoder) into the state the API shows, with its revision and position. */
export function viewOf(hazardId: string, events: readonly RecordedEvent[], readAt: string): HazardView {
  const state = foldStored(hazardDecoder, evolve, initialState(), events);
  const last = events[events.length - 1];
  if (!state.exists || !last) throw new HazardNotFoundError(hazardId);
  const { exists: _exists, ...rest } = hazardAsRead(state, readAt);
  return { ...rest, revision: last.revision, position: last.position };
}
