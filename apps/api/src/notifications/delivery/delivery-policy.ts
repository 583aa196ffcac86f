import { DeliveryResult, delivered, permanent, retryable } from './notifier.port';

/** NOTIFY_MAX_ATTEMPTS (tries in all) and NOTIFY_RETRY_BASE_MS (the first pause). */
export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
}

/** No pause is longer than a day, whatever NOTIFY_RETRY_BASE_MS × 2^(n−1) comes to. */
export const MAX_RETRY_DELAY_MS = 86_400_000;

/** The pause after the n-th failed try: NOTIFY_RETRY_BASE_MS × 2^(n−1). */
export function retryDelayMs(tries: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, tries - 1), MAX_RETRY_DELAY_MS);
}

/** A webhook's answer: 2xx delivered; 408, 429 and 5xx may pass later; any other status (3xx too) never will. */
export function classifyHttpStatus(status: number): DeliveryResult {
  if (status >= 200 && status < 300) return delivered();
  const error = `HTTP ${status}`;
  return status === 408 || status === 429 || (status >= 500 && status < 600) ? retryable(error) : permanent(error);
}

/** What nodemailer rejects with: a reply code from the server, or a connection-level code. */
export interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly message?: string;
}

/** A 5xx SMTP reply (no such mailbox, authentication refused…) is final; 4xx and connection trouble are not. */
export function classifySmtpFailure(failure: SmtpFailure): DeliveryResult {
  const reply = failure.responseCode;
  const error = `SMTP ${reply ?? failure.code ?? 'ERROR'}: ${(failure.message ?? '').slice(0, 200)}`;
  return reply !== undefined && reply >= 500 && reply < 600 ? permanent(error) : retryable(error);
}

/** What the worker does after a try. */
export type NextStep =
  | { readonly kind: 'record-delivered'; readonly attempts: number }
  | { readonly kind: 'record-failed'; readonly attempts: number; readonly error: string }
  | { readonly kind: 'retry'; readonly attempts: number; readonly delayMs: number; readonly error: string };

/** `triesBefore` tries had failed before this one; the last of NOTIFY_MAX_ATTEMPTS tries failing is final. */
export function nextStep(result: DeliveryResult, triesBefore: number, policy: RetryPolicy): NextStep {
  const attempts = triesBefore + 1;
  if (result.kind === 'delivered') return { kind: 'record-delivered', attempts };
  if (result.kind === 'permanent' || attempts >= policy.maxAttempts) return { kind: 'record-failed', attempts, error: result.error };
  return { kind: 'retry', attempts, delayMs: retryDelayMs(attempts, policy.retryBaseMs), error: result.error };
}
