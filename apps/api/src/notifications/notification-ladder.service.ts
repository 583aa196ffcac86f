import { Inject, Injectable } from '@nestjs/common';
import {
  evolve, ExistingHazard, foldStored, hazardDecoder, HazardState, initialState, NoticeError, noticeDecoder, NoticeState, notificationsDue,
  evolveNotice, initialNoticeState, RegisteredUnit, unitDecoder, evolveUnit, initialUnitState, LadderRecipients, SYSTEM_ACTOR, UnitState,
} from '@hazard/domain';
import { EventStore, StreamNotFoundError, StreamReadCache, StreamSnapshot } from '@hazard/event-store';
import { AppConfig, Clock } from '@hazard/platform';
import { systemCommandId } from '../edge/commands/system-command-id';
import { CLOCK } from '../infrastructure/clock.token';
import { APP_CONFIG } from '../infrastructure/config.module';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { NOTICE_RUNNER, NoticeRunner } from './delivery/notice-runner';
import { loadNotifyDirectory, NotifyDirectory } from './notify-directory';

/** The deadline types whose event sets the deadline in force: a rung before it is skipped. */
const DEADLINE_SETTERS = new Set(['RectificationAssigned', 'DeadlineExtended']);

/**
 * The ladder's process manager: for one hazard, folds its stream, finds its recipients (the unit's registered
 * contacts, the supervising department and 安委办 from NOTIFY_DIRECTORY), asks the pure `notificationsDue` what
 * is owed now, and records each as NotificationRequested on `notices-<hazardId>` — never on the hazard's own
 * stream, so notices change neither its revision nor its If-Match. The commandId is the dedupeKey's, so racing
 * replicas and redeliveries record each key once.
 *
 * The streams it folds are remembered (StreamReadCache): an evaluation reads each from the revision it last saw,
 * which proves the remembered events are still the store's and brings only the new ones — one short indexed read
 * per stream instead of the whole stream, on every deadline event and every scan.
 */
@Injectable()
export class NotificationLadder {
  private readonly directory: NotifyDirectory;
  private readonly hazards: StreamReadCache<HazardState>;
  private readonly notices: StreamReadCache<NoticeState>;
  private readonly units: StreamReadCache<UnitState>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(NOTICE_RUNNER) private readonly runner: NoticeRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.directory = loadNotifyDirectory(config.notify.directoryFile);
    this.hazards = new StreamReadCache(store, (from, events) => foldStored(hazardDecoder, evolve, from, events), initialState, 1_000);
    this.notices = new StreamReadCache(store, (from, events) => foldStored(noticeDecoder, evolveNotice, from, events), initialNoticeState, 1_000);
    this.units = new StreamReadCache(store, (from, events) => foldStored(unitDecoder, evolveUnit, from, events), initialUnitState, 256);
  }

  /** Records what is due for the hazard now; answers how many notices were newly recorded. */
  async evaluate(hazardId: string, cause: { eventId: string; correlationId: string }): Promise<number> {
    const { events, state: hazard } = await readOrEmpty(this.hazards, hazardDecoder.streamIdFor(hazardId), initialState);
    if (!hazard.exists || !hazard.assignment) return 0;
    const notices = (await readOrEmpty(this.notices, noticeDecoder.streamIdFor(hazardId), initialNoticeState)).state;
    const setAt = [...events].reverse().find((e) => DEADLINE_SETTERS.has(e.type))?.metadata.occurredAt ?? hazard.assignment.assignedAt;
    const due = notificationsDue(
      { hazard, now: this.clock.now().toISOString(), deadlineSetAt: setAt, recipients: await this.recipientsOf(hazard), requested: new Set(Object.keys(notices.notices)) },
      { beforeDays: this.config.notify.beforeDays, escalateAfterDays: this.config.notify.escalateAfterDays },
    );
    let recorded = 0;
    for (const request of due) {
      try {
        const context = { actor: SYSTEM_ACTOR, commandId: systemCommandId('RequestNotification', request.dedupeKey), correlationId: cause.correlationId, causationId: cause.eventId };
        const outcome = await this.runner.run({ type: 'RequestNotification', hazardId, data: request }, context);
        if (!outcome.replayed) recorded += 1;
      } catch (error) {
        if (!(error instanceof NoticeError && error.code === 'NOTICE.ALREADY_REQUESTED')) throw error;
      }
    }
    return recorded;
  }

  private async recipientsOf(hazard: ExistingHazard): Promise<LadderRecipients> {
    const unitId = hazard.assignment!.responsibleUnitId;
    const unit = (await readOrEmpty(this.units, unitDecoder.streamIdFor(unitId), initialUnitState)).state;
    const contacts = unit.exists ? (unit as RegisteredUnit).contacts : { email: null, webhookUrl: null };
    const committeeId = this.directory.safetyCommittee;
    return {
      unit: { kind: 'unit', id: unitId, name: unit.exists ? (unit as RegisteredUnit).name : hazard.unitName, ...(contacts.email && { email: contacts.email }), ...(contacts.webhookUrl && { webhookUrl: contacts.webhookUrl }) },
      department: this.directory.department(hazard.assignment!.supervisingDepartment),
      committee: committeeId ? this.directory.department(committeeId) : { kind: 'department', id: 'safety-committee', name: '安委办' },
    };
  }
}

/** The stream as the store holds it now, or nothing yet (every other error propagates). */
async function readOrEmpty<S>(cache: StreamReadCache<S>, streamId: string, initial: () => S): Promise<Pick<StreamSnapshot<S>, 'events' | 'state'>> {
  try {
    return await cache.read(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { events: [], state: initial() };
    throw error;
  }
}
