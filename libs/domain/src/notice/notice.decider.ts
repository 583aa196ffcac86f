import { DomainError } from '../hazard/hazard.errors';
import { NoticeCommand, NoticeEvent, NotificationRequested } from './notice.messages';

export class NoticeError extends DomainError {
  constructor(
    readonly code: 'NOTICE.ALREADY_REQUESTED' | 'NOTICE.UNKNOWN' | 'NOTICE.ALREADY_SETTLED',
    message: string,
  ) {
    super(message);
  }
}

export interface NotificationEntry {
  readonly request: NotificationRequested['data'];
  readonly status: 'requested' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly at?: string;
  readonly error?: string;
}

/** A hazard's notice stream: every notice requested, by dedupeKey, with its outcome. */
export interface NoticeState {
  readonly notices: Readonly<Record<string, NotificationEntry>>;
}

export function initialNoticeState(): NoticeState {
  return { notices: {} };
}

/** A key is recorded once; an outcome once per key, and only for a key that was requested. */
export function decideNotice(command: NoticeCommand, state: NoticeState): NoticeEvent[] {
  const key = command.data.dedupeKey;
  const entry = state.notices[key];
  if (command.type === 'RequestNotification') {
    if (entry) throw new NoticeError('NOTICE.ALREADY_REQUESTED', `notification ${key} is already recorded`);
    return [{ type: 'NotificationRequested', data: { ...command.data, requestedAt: command.now } }];
  }
  if (!entry) throw new NoticeError('NOTICE.UNKNOWN', `no notification ${key} was requested`);
  if (entry.status !== 'requested') throw new NoticeError('NOTICE.ALREADY_SETTLED', `notification ${key} is already ${entry.status}`);
  if (command.type === 'RecordDelivery') return [{ type: 'NotificationDelivered', data: { dedupeKey: key, attempts: command.data.attempts, at: command.now } }];
  return [{ type: 'NotificationFailed', data: { dedupeKey: key, attempts: command.data.attempts, error: command.data.error, at: command.now } }];
}

export function evolveNotice(state: NoticeState, event: NoticeEvent): NoticeState {
  const key = event.data.dedupeKey;
  switch (event.type) {
    case 'NotificationRequested':
      return { notices: { ...state.notices, [key]: { request: event.data, status: 'requested', attempts: 0 } } };
    case 'NotificationDelivered':
    case 'NotificationFailed': {
      const entry = state.notices[key];
      if (!entry) return state;
      const status = event.type === 'NotificationDelivered' ? 'delivered' : 'failed';
      const error = event.type === 'NotificationFailed' ? { error: event.data.error } : {};
      return { notices: { ...state.notices, [key]: { ...entry, status, attempts: event.data.attempts, at: event.data.at, ...error } } };
    }
    default: {
      const unhandled: never = event;
      void unhandled;
      return state;
    }
  }
}

/** A notice as `GET /hazards/:id/notifications` and the trail show it. */
export function noticeView(entry: NotificationEntry) {
  const { request: r } = entry;
  return {
    dedupeKey: r.dedupeKey, rung: r.rung, template: r.template, deadline: r.deadline, recipient: r.recipient, channel: r.channel,
    ...(r.address !== undefined && { address: r.address }), requestedAt: r.requestedAt, status: entry.status, attempts: entry.attempts,
    ...(entry.at !== undefined && { at: entry.at }), ...(entry.error !== undefined && { error: entry.error }), occurrence: r.occurrence,
  };
}
