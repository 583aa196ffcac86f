import { evolveNotice, foldStored, initialNoticeState, NoticeError, noticeDecoder } from '@hazard/domain';
import { EventStore, StreamNotFoundError } from '@hazard/event-store';
import { systemCommandId, systemContext } from '../../edge/commands/system-command-id';
import { NoticeRunner } from './notice-runner';
import { Outcome, OutboxRow } from './notification-outbox';

/** Where the delivery loop reads and writes the notice streams. */
export interface OutcomeRecorder {
  /** True once the notice's outcome is on its stream (recorded here before a crash, or by another replica). */
  isSettled(row: OutboxRow): Promise<boolean>;
  /** Records NotificationDelivered or NotificationFailed; `settled` when an outcome was already there. */
  record(row: OutboxRow, outcome: Outcome): Promise<'recorded' | 'settled'>;
}

/**
 * RecordDelivery / RecordDeliveryFailure as SYSTEM_ACTOR through NOTICE_RUNNER, with commandIds derived from the
 * dedupeKey: a repeat of the same command is answered from the stream, a different outcome after the first is
 * NOTICE.ALREADY_SETTLED, so each key has one outcome on the stream however often it was sent.
 */
export class StreamOutcomeRecorder implements OutcomeRecorder {
  constructor(
    private readonly store: EventStore,
    private readonly runner: NoticeRunner,
  ) {}

  async isSettled(row: OutboxRow): Promise<boolean> {
    try {
      const stored = await this.store.readStream(noticeDecoder.streamIdFor(row.hazardId));
      const entry = foldStored(noticeDecoder, evolveNotice, initialNoticeState(), stored).notices[row.dedupeKey];
      return entry !== undefined && entry.status !== 'requested';
    } catch (error) {
      if (error instanceof StreamNotFoundError) return false;
      throw error;
    }
  }

  async record(row: OutboxRow, outcome: Outcome): Promise<'recorded' | 'settled'> {
    const { dedupeKey, hazardId } = row;
    const command =
      outcome.kind === 'delivered'
        ? { type: 'RecordDelivery' as const, hazardId, data: { dedupeKey, attempts: outcome.attempts } }
        : { type: 'RecordDeliveryFailure' as const, hazardId, data: { dedupeKey, attempts: outcome.attempts, error: outcome.error } };
    const cause = { eventId: row.eventId, correlationId: row.correlationId };
    try {
      await this.runner.run(command, systemContext(systemCommandId(command.type, dedupeKey), cause));
      return 'recorded';
    } catch (error) {
      if (error instanceof NoticeError && error.code === 'NOTICE.ALREADY_SETTLED') return 'settled';
      throw error;
    }
  }
}
