import { TipIntakeData } from './tip.commands';
import { RejectReason } from './tip.values';

interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
}

export type TipReceived = Event<'TipReceived', TipIntakeData & { readonly tipId: string; readonly receivedAt: string; readonly verifyDueAt: string }>;
export type TipAccepted = Event<'TipAccepted', { readonly note: string | null; readonly by: string }>;
export type TipRejected = Event<'TipRejected', { readonly reason: RejectReason; readonly note: string; readonly by: string; readonly feedbackDueAt: string }>;
export type TipAssigned = Event<'TipAssigned', { readonly department: string; readonly sector: string; readonly regionCode: string; readonly by: string }>;
export type TipVerified = Event<
  'TipVerified',
  { readonly substantiated: boolean; readonly hazardIds: readonly string[]; readonly findings: string; readonly by: string; readonly feedbackDueAt: string }
>;
export type ReporterNotified = Event<'ReporterNotified', { readonly text: string; readonly by: string; readonly at: string; readonly onTime: boolean }>;
export type TipReviewRequested = Event<'TipReviewRequested', { readonly reason: string; readonly at: string; readonly verifyDueAt: string }>;
export type RewardDecided = Event<'RewardDecided', { readonly penaltyYuan: number; readonly amountYuan: number; readonly by: string }>;
export type TipOverdue = Event<'TipOverdue', { readonly dueAt: string; readonly detectedAt: string }>;
export type TipFeedbackOverdue = Event<'TipFeedbackOverdue', { readonly dueAt: string; readonly detectedAt: string }>;
/** Appended, and durable, before anything is decrypted: every access to an identity is on the chain. */
export type ReporterIdentityViewed = Event<'ReporterIdentityViewed', { readonly reason: string; readonly by: string; readonly at: string }>;
/** Then the data key is destroyed (crypto-shredding): the ciphertext stays, unreadable, and the chain verifies. */
export type ReporterIdentityErased = Event<'ReporterIdentityErased', { readonly reason: string; readonly by: string; readonly at: string }>;

export type TipEvent =
  | TipReceived
  | TipAccepted
  | TipRejected
  | TipAssigned
  | TipVerified
  | ReporterNotified
  | TipReviewRequested
  | RewardDecided
  | TipOverdue
  | TipFeedbackOverdue
  | ReporterIdentityViewed
  | ReporterIdentityErased;

export const TIP_EVENT_TYPES: readonly TipEvent['type'][] = [
  'TipReceived', 'TipAccepted', 'TipRejected', 'TipAssigned', 'TipVerified', 'ReporterNotified', 'TipReviewRequested',
  'RewardDecided', 'TipOverdue', 'TipFeedbackOverdue', 'ReporterIdentityViewed', 'ReporterIdentityErased',
];
