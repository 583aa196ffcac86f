import { Inject, Injectable } from '@nestjs/common';
import {
  evolve, ExistingHazard, foldStored, hazardDecoder, initialState, NoticeError, noticeDecoder, notificationsDue, evolveNotice,
  initialNoticeState, RegisteredUnit, unitDecoder, evolveUnit, initialUnitState, LadderRecipients, SYSTEM_ACTOR,
} from '@hazard/domain';
import { EventStore, readStreamOrEmpty } from '@hazard/event-store';
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
 */
@Injectable()
export class NotificationLadder {
  private readonly directory: NotifyDirectory;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NOTICE_RUNNER) private readonly notices: NoticeRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.directory = loadNotifyDirectory(config.notify.directoryFile);
  }

  /** Records what is due for the hazard now; answers how many notices were newly recorded. */
  async evaluate(hazardId: string, cause: { eventId: string; correlationId: string }): Promise<number> {
    const events = await readStreamOrEmpty(this.store, hazardDecoder.streamIdFor(hazardId));
    const hazard = foldStored(hazardDecoder, evolve, initialState(), events);
    if (!hazard.exists || !hazard.assignment) return 0;
    const notices = foldStored(noticeDecoder, evolveNotice, initialNoticeState(), await readStreamOrEmpty(this.store, noticeDecoder.streamIdFor(hazardId)));
    const setAt = [...events].reverse().find((e) => DEADLINE_SETTERS.has(e.type))?.metadata.occurredAt ?? hazard.assignment.assignedAt;
    const due = notificationsDue(
      { hazard, now: this.clock.now().toISOString(), deadlineSetAt: setAt, recipients: await this.recipientsOf(hazard), requested: new Set(Object.keys(notices.notices)) },
      { beforeDays: this.config.notify.beforeDays, escalateAfterDays: this.config.notify.escalateAfterDays },
    );
    let recorded = 0;
    for (const request of due) {
      try {
        const context = { actor: SYSTEM_ACTOR, commandId: systemCommandId('RequestNotification', request.dedupeKey), correlationId: cause.correlationId, causationId: cause.eventId };
        const outcome = await this.notices.run({ type: 'RequestNotification', hazardId, data: request }, context);
        if (!outcome.replayed) recorded += 1;
      } catch (error) {
        if (!(error instanceof NoticeError && error.code === 'NOTICE.ALREADY_REQUESTED')) throw error;
      }
    }
    return recorded;
  }

  private async recipientsOf(hazard: ExistingHazard): Promise<LadderRecipients> {
    const unitId = hazard.assignment!.responsibleUnitId;
    const unit = foldStored(unitDecoder, evolveUnit, initialUnitState(), await readStreamOrEmpty(this.store, unitDecoder.streamIdFor(unitId)));
    const contacts = unit.exists ? (unit as RegisteredUnit).contacts : { email: null, webhookUrl: null };
    const committeeId = this.directory.safetyCommittee;
    return {
      unit: { kind: 'unit', id: unitId, name: unit.exists ? (unit as RegisteredUnit).name : hazard.unitName, ...(contacts.email && { email: contacts.email }), ...(contacts.webhookUrl && { webhookUrl: contacts.webhookUrl }) },
      department: this.directory.department(hazard.assignment!.supervisingDepartment),
      committee: committeeId ? this.directory.department(committeeId) : { kind: 'department', id: 'safety-committee', name: '安委办' },
    };
  }
}
