import { Actor } from '../shared/actor';

/** The three rungs of the escalation ladder (DESIGN.md "Notifications and the escalation ladder"). */
export type Template = 'deadline-reminder' | 'overdue-notice' | 'duban-letter';
export type Channel = 'webhook' | 'email' | 'none';

export interface Recipient {
  readonly kind: 'unit' | 'department';
  readonly id: string;
  readonly name: string;
}

/** One notice owed to one recipient on one channel; its dedupeKey is recorded at most once. */
export interface NotificationRequest {
  /** `<hazardId>/<deadline>/<rung>/<recipientId>/<channel>` */
  readonly dedupeKey: string;
  /** `remind-<d>d`, `overdue` or `escalate` */
  readonly rung: string;
  readonly deadline: string;
  readonly recipient: Recipient;
  readonly channel: Channel;
  readonly address?: string;
  readonly template: Template;
  /** What the template says: unit, location, deadline, days overdue…; the cycle it belongs to. */
  readonly params: Readonly<Record<string, string | number>>;
  readonly occurrence: number;
}

interface Command<T extends string, D> {
  readonly type: T;
  /** The hazard whose notice stream `notices-<hazardId>` this is. */
  readonly hazardId: string;
  readonly data: D;
  readonly actor: Actor;
  readonly now: string;
  readonly commandId?: string;
}

export type RequestNotification = Command<'RequestNotification', NotificationRequest>;
export type RecordDelivery = Command<'RecordDelivery', { readonly dedupeKey: string; readonly attempts: number }>;
export type RecordDeliveryFailure = Command<'RecordDeliveryFailure', { readonly dedupeKey: string; readonly attempts: number; readonly error: string }>;
export type NoticeCommand = RequestNotification | RecordDelivery | RecordDeliveryFailure;

export interface NotificationRequested {
  readonly type: 'NotificationRequested';
  readonly data: NotificationRequest & { readonly requestedAt: string };
}
export interface NotificationDelivered {
  readonly type: 'NotificationDelivered';
  readonly data: { readonly dedupeKey: string; readonly attempts: number; readonly at: string };
}
export interface NotificationFailed {
  readonly type: 'NotificationFailed';
  readonly data: { readonly dedupeKey: string; readonly attempts: number; readonly error: string; readonly at: string };
}
export type NoticeEvent = NotificationRequested | NotificationDelivered | NotificationFailed;

export const NOTICE_EVENT_TYPES: readonly NoticeEvent['type'][] = ['NotificationRequested', 'NotificationDelivered', 'NotificationFailed'];
