import { Inject, Injectable } from '@nestjs/common';
import {
  Actor, canRead, evolveNotice, initialNoticeState, noticeDecoder, noticeView, evolve, foldStored, HazardAsRead, hazardAsRead, hazardDecoder, HazardNotFoundError, HazardTrail, initialState,
  readScopeOf, replayTrail, ReplayedTrail, shownTo, streamIdFor, withoutSource, HazardState, NoticeState,
} from '@hazard/domain';
import { EventStore, RecordedEvent, StreamNotFoundError, StreamReadCache, StreamSnapshot, verifyStream } from '@hazard/event-store';
import { AppConfig, Clock } from '@hazard/platform';
import { CLOCK } from '../infrastructure/clock.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** The state as API.md shows it: as read at a time (signOverdue), with the revision and position it stands at. */
export type HazardView = Omit<HazardAsRead, 'exists'> & {
  readonly revision: number;
  readonly position: number;
};

export type HistoryEntry = Pick<RecordedEvent, 'revision' | 'position' | 'type' | 'data' | 'metadata' | 'recordedAt'>;

/**
 * The envelope fields a reader the source is hidden from does not get: with the hash chain it could try each
 * source (and tip number) until one hashes to the stored value. `…/integrity` checks the chain for it.
 */
const CHAIN_FIELDS: readonly string[] = ['prevHash', 'hash'];

/** Past states kept per stream snapshot: a reviewer steps through a few moments of one history, not all. */
const PREFIX_STATES_KEPT = 16;

/**
 * Reads a hazard straight from its stream: the source of truth, not a read model. Every read is the actor's:
 * outside its read scope (canRead, on the hazard's current state) it is exactly an unknown hazard — the same
 * HazardNotFoundError, so the same 404 body — and a reader the source is hidden from gets none of it (shownTo).
 */
@Injectable()
export class HazardReader {
  // Long histories are read again and again (history, state, trail of one hazard): each read folds only
  // what was appended since the last one, after checking the remembered head against the store.
  private readonly hazards: StreamReadCache<HazardState>;
  private readonly notices: StreamReadCache<NoticeState>;
  // What a snapshot's events give whatever the time: an unchanged stream answers the same, so it is kept with
  // the snapshot (collected with it when the stream grows or leaves the cache). History bytes per variant;
  // the trail's replay, read at each request's now.
  private readonly historyAnswers = new WeakMap<StreamSnapshot<HazardState>, Map<string, Buffer>>();
  private readonly replayedTrails = new WeakMap<StreamSnapshot<HazardState>, ReplayedTrail>();
  /** States of a snapshot's prefixes (by length) that state?asOf folded, the last few asked for. */
  private readonly prefixStates = new WeakMap<StreamSnapshot<HazardState>, Map<number, HazardState>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.hazards = new StreamReadCache(store, (from, events) => foldStored(hazardDecoder, evolve, from, events), initialState);
    this.notices = new StreamReadCache(store, (from, events) => foldStored(noticeDecoder, evolveNotice, from, events), initialNoticeState);
  }

  async current(hazardId: string, actor: Actor): Promise<HazardView> {
    const view = viewOfSnapshot(hazardId, await this.stored(hazardId), this.clock.now().toISOString());
    if (!canRead(actor, view)) throw new HazardNotFoundError(hazardId);
    return shownTo(actor, view);
  }

  /**
   * Every event as stored (not upcast): what the hash chain covers, as the JSON bytes of the answer. A long
   * history's cost was its serialization and encoding on every request; they are done once per revision and
   * per variant (source hidden or not), since the answer is the same bytes while the stream does not change.
   */
  async historyJson(hazardId: string, actor: Actor): Promise<Buffer> {
    const snapshot = await this.readableSnapshot(hazardId, actor);
    const hidesSource = readScopeOf(actor).hidesSource;
    const variant = `${hidesSource ? 'hidden' : 'full'}:${hazardId}`;
    let answers = this.historyAnswers.get(snapshot);
    if (!answers) this.historyAnswers.set(snapshot, (answers = new Map()));
    let bytes = answers.get(variant);
    if (!bytes) answers.set(variant, (bytes = Buffer.from(JSON.stringify(historyOf(hazardId, snapshot.events, hidesSource)))));
    return bytes;
  }

  /**
   * The hazard's hash chain recomputed from what is stored — read whole from the store, never from the cache:
   * the cache trusts the log to be append-only, and this is the check of whether it was.
   */
  async integrity(hazardId: string, actor: Actor) {
    await this.readable(hazardId, actor);
    return verifyStream(streamIdFor(hazardId), await this.store.readStream(streamIdFor(hazardId)));
  }

  /** The accountability trail, derived by the domain from the (upcast) events; open periods run until now. */
  async trail(hazardId: string, actor: Actor): Promise<HazardTrail> {
    const trail = this.replayedTrailOf(await this.readableSnapshot(hazardId, actor)).at(this.clock.now().toISOString());
    // Who was told what and when, per cycle, from the hazard's notice stream (追责 rests on it).
    const notices = await this.noticesOf(hazardId);
    const cycles = trail.cycles.map((cycle) => ({
      ...cycle,
      notifications: notices.filter((n) => n.occurrence === cycle.occurrence).map(({ rung, recipient, channel, requestedAt, status, at, attempts }) => ({ rung, recipient, channel, requestedAt, outcome: status, at: at ?? null, attempts })),
    }));
    return shownTo(actor, { ...trail, cycles });
  }

  /** `GET /hazards/:id/notifications`: every notice of the hazard with its outcome, for a reader of the hazard. */
  async notifications(hazardId: string, actor: Actor) {
    await this.readable(hazardId, actor);
    return { hazardId, items: (await this.noticesOf(hazardId)).map(({ occurrence: _o, ...item }) => item) };
  }

  private async noticesOf(hazardId: string) {
    const state = await this.notices.read(noticeDecoder.streamIdFor(hazardId)).then(
      (snapshot) => snapshot.state,
      (error: unknown) => {
        if (error instanceof StreamNotFoundError) return initialNoticeState(); // no notice sent yet
        throw error;
      },
    );
    return Object.values(state.notices).map(noticeView).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.dedupeKey.localeCompare(b.dedupeKey));
  }

  /** The state as it stood at a time (events that had occurred by then) or at a revision; readable as it is now. */
  async asOf(hazardId: string, at: { time?: string; revision?: number }, actor: Actor): Promise<HazardView> {
    const snapshot = await this.readableSnapshot(hazardId, actor);
    const events = snapshot.events;
    const until = at.time === undefined ? Infinity : Date.parse(at.time);
    const lastRevision = at.revision ?? Infinity;
    const firstLater = events.findIndex((e) => Date.parse(e.metadata.occurredAt) > until || e.revision > lastRevision);
    const prefix = firstLater === -1 ? events : events.slice(0, firstLater);
    if (prefix.length === 0) throw new HazardNotFoundError(hazardId, at.time ? `did not exist yet at ${at.time}` : undefined);
    if (at.revision !== undefined && at.revision > prefix.length - 1) {
      throw new HazardNotFoundError(hazardId, `has no revision ${at.revision} (latest is ${prefix.length - 1})`);
    }
    // What depends on the reading time is computed at the as-of time (or, by revision, at that event's time).
    const readAt = at.time ?? prefix[prefix.length - 1]!.metadata.occurredAt;
    // The whole stream is the cached snapshot, already folded; a shorter prefix is folded once per snapshot.
    return shownTo(actor, viewAt(hazardId, this.prefixState(snapshot, prefix), prefix[prefix.length - 1], readAt));
  }

  /** The state folded from a prefix of the snapshot's events: the whole stream is the snapshot's own state. */
  private prefixState(snapshot: StreamSnapshot<HazardState>, prefix: readonly RecordedEvent[]): HazardState {
    if (prefix.length === snapshot.events.length) return snapshot.state;
    let states = this.prefixStates.get(snapshot);
    if (!states) this.prefixStates.set(snapshot, (states = new Map()));
    let state = states.get(prefix.length);
    if (!state) {
      state = foldStored(hazardDecoder, evolve, initialState(), prefix);
      if (states.size >= PREFIX_STATES_KEPT) states.delete(states.keys().next().value!);
      states.set(prefix.length, state);
    }
    return state;
  }

  /** The trail's replay of a snapshot, once: only its reading at `now` is done per request. */
  private replayedTrailOf(snapshot: StreamSnapshot<HazardState>): ReplayedTrail {
    let replayed = this.replayedTrails.get(snapshot);
    if (!replayed) {
      const inputs = snapshot.events
        .map((e) => hazardDecoder.upcast(e))
        .map((e) => ({ type: e.type, data: e.data, revision: e.revision, occurredAt: e.metadata.occurredAt, actor: e.metadata.actor }));
      this.replayedTrails.set(snapshot, (replayed = replayTrail(inputs, this.config.lateReportHours)));
    }
    return replayed;
  }

  /** The stored events of a hazard `actor` may read, decided on its current state; else an unknown hazard's error. */
  private async readable(hazardId: string, actor: Actor): Promise<readonly RecordedEvent[]> {
    return (await this.readableSnapshot(hazardId, actor)).events;
  }

  private async readableSnapshot(hazardId: string, actor: Actor): Promise<StreamSnapshot<HazardState>> {
    const snapshot = await this.stored(hazardId);
    if (!snapshot.state.exists || !canRead(actor, snapshot.state)) throw new HazardNotFoundError(hazardId);
    return snapshot;
  }

  private async stored(hazardId: string): Promise<StreamSnapshot<HazardState>> {
    try {
      return await this.hazards.read(hazardDecoder.streamIdFor(hazardId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new HazardNotFoundError(hazardId);
      throw error;
    }
  }
}

function viewOfSnapshot(hazardId: string, snapshot: StreamSnapshot<HazardState>, readAt: string): HazardView {
  return viewAt(hazardId, snapshot.state, snapshot.events[snapshot.events.length - 1], readAt);
}

function viewAt(hazardId: string, state: HazardState, last: RecordedEvent | undefined, readAt: string): HazardView {
  if (!state.exists || !last) throw new HazardNotFoundError(hazardId);
  const { exists: _exists, ...rest } = hazardAsRead(state, readAt);
  return { ...rest, revision: last.revision, position: last.position };
}

function historyOf(hazardId: string, stored: readonly RecordedEvent[], hidesSource: boolean): { hazardId: string; events: HistoryEntry[] } {
  const events = stored.map(({ revision, position, type, data, metadata, recordedAt }) => ({ revision, position, type, data, metadata, recordedAt }));
  if (!hidesSource) return { hazardId, events };
  return { hazardId, events: events.map((e) => withoutSource({ ...e, metadata: withoutChain(e.metadata) })) };
}

function withoutChain<T extends object>(metadata: T): T {
  return Object.fromEntries(Object.entries(metadata).filter(([key]) => !CHAIN_FIELDS.includes(key))) as T;
}
