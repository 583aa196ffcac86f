import type { NotificationRequested } from '@hazard/domain';

/** A notice ready to go out: the request as recorded, the hazard it is about, and its rendered zh-CN text. */
export interface OutgoingNotice {
  readonly hazardId: string;
  readonly request: NotificationRequested['data'];
  readonly subject: string;
  readonly text: string;
}

/**
 * What one try came to. `retryable`: the other side may take it later (network error, timeout, 408, 429, 5xx,
 * a 4xx SMTP reply); `permanent`: trying again cannot help (any other HTTP status, a 5xx SMTP reply, no
 * contact, channel off). `error` is short, starts with a code word, and ends up in NotificationFailed.
 */
export type DeliveryResult =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retryable'; readonly error: string }
  | { readonly kind: 'permanent'; readonly error: string };

/**
 * The delivery port: one try at handing one notice to its recipient over its channel. Never rejects: every
 * failure is a DeliveryResult. The same notice may be sent more than once (at-least-once); receivers dedupe by
 * its dedupeKey (the webhook's Idempotency-Key, the e-mail's Message-ID).
 */
export interface Notifier {
  send(notice: OutgoingNotice): Promise<DeliveryResult>;
  /** Releases connections (the SMTP transport); called once at shutdown. */
  close?(): void;
}

export const NOTIFIER = Symbol('NOTIFIER');

export const delivered = (): DeliveryResult => ({ kind: 'delivered' });
export const retryable = (error: string): DeliveryResult => ({ kind: 'retryable', error });
export const permanent = (error: string): DeliveryResult => ({ kind: 'permanent', error });
