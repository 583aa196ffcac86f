/** 举报 (安全生产法 Art. 73, 76; 2018 举报奖励办法): value sets of a citizen report. Never rename a value. */
export const TIP_STATUSES = ['received', 'accepted', 'rejected', 'assigned', 'verified', 'answered', 'review-requested'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export const REJECT_REASONS = ['duplicate', 'no-target', 'out-of-scope', 'other'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Whether the reporter's identity is on file: none (anonymous), held (encrypted), erased (key destroyed). */
export type IdentityState = 'none' | 'held' | 'erased';

/** The reporter block as stored: AES-256-GCM ciphertext only; the data key lives in the key store. */
export interface EncryptedReporter {
  readonly alg: 'AES-256-GCM';
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/** `JB-2026-000001`: yearly, from 1, without holes. */
export function tipNoFor(year: number, number: number): string {
  return `JB-${year}-${String(number).padStart(6, '0')}`;
}

export const TIP_NO_PATTERN = /^JB-(\d{4})-(\d{6})$/;

/** A tip is open — it can still be verified and take hazards — while accepted, assigned or under review (复查). */
export function isOpenTip(status: TipStatus): boolean {
  return status === 'accepted' || status === 'assigned' || status === 'review-requested';
}

/**
 * 举报奖励: 15 % of the penalty, rounded half up to the yuan, at least ¥3,000 and at most ¥300,000 (2018
 * 办法 Art. 14). Penalties are whole yuan, so the arithmetic is exact in integers.
 */
export function rewardYuan(penaltyYuan: number): number {
  const fifteenPercent = Math.floor((penaltyYuan * 15 + 50) / 100);
  return Math.min(300_000, Math.max(3_000, fifteenPercent));
}
