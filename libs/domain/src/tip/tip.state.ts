import { IdentityState, TipStatus } from './tip.values';

export interface TipFeedback {
  readonly at: string;
  readonly text: string;
  readonly onTime: boolean;
}

export interface ExistingTip {
  readonly exists: true;
  readonly tipId: string;
  readonly tipNo: string;
  readonly status: TipStatus;
  readonly sector: string | null;
  readonly regionCode: string | null;
  readonly location: string;
  readonly description: string;
  readonly evidence: readonly string[];
  readonly anonymous: boolean;
  readonly identity: IdentityState;
  readonly codeHash: string;
  readonly receivedAt: string;
  /** Receipt (or the review request, 复查) + TIP_VERIFY_DAYS. */
  readonly verifyDueAt: string;
  /** The conclusion + TIP_FEEDBACK_DAYS, until the reporter is told; null before a conclusion. */
  readonly feedbackDueAt: string | null;
  readonly overdue: boolean;
  /** The due times already recorded as missed, so each is marked once. */
  readonly overdueMarkedFor: string | null;
  readonly feedbackOverdueMarkedFor: string | null;
  readonly assignment?: { readonly department: string; readonly sector: string; readonly regionCode: string };
  readonly verification?: { readonly substantiated: boolean; readonly hazardIds: readonly string[]; readonly findings: string };
  readonly feedback: readonly TipFeedback[];
  readonly reviewRequested: boolean;
  readonly reward?: { readonly penaltyYuan: number; readonly amountYuan: number };
}

export type TipState = { readonly exists: false } | ExistingTip;

export function initialTipState(): TipState {
  return { exists: false };
}
