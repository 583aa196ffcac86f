import { join, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { days, integer, nonEmpty } from './env-values';

/** API.md "Configuration (added)": the escalation ladder and the delivery of notices. */
export interface NotifyConfig {
  /** NOTIFY_BEFORE_DAYS: reminders that many days before a deadline, e.g. [7, 3, 1]. */
  readonly beforeDays: readonly number[];
  /** ESCALATE_AFTER_DAYS: the 督办函 to 安委办 this long after a missed deadline. */
  readonly escalateAfterDays: number;
  /** NOTIFY_DIRECTORY: departments' and 安委办's contacts; the file may be absent (no department contacts). */
  readonly directoryFile: string;
  /** NOTIFY_WEBHOOK_SECRET (≥ 32 characters); undefined: generated once into DATA_DIR/webhook-secret. */
  readonly webhookSecret?: string;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  /** SMTP_URL, e.g. smtp://user:pass@host:587; undefined: e-mail is off (CHANNEL_DISABLED). */
  readonly smtpUrl?: string;
  readonly emailFrom: string;
}

export function loadNotifyConfig(env: NodeJS.ProcessEnv, dataDir: string): NotifyConfig {
  const secret = nonEmpty(env, 'NOTIFY_WEBHOOK_SECRET');
  if (secret !== undefined && secret.length < 32) throw new ConfigError('NOTIFY_WEBHOOK_SECRET', 'must be at least 32 characters');
  const smtpUrl = nonEmpty(env, 'SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) throw new ConfigError('SMTP_URL', 'must be smtp://[user:pass@]host[:port] or smtps://…');
  const emailFrom = nonEmpty(env, 'NOTIFY_EMAIL_FROM') ?? 'hazard-ledger@localhost';
  if (!/^[^\s@]+@[^\s@]+$/.test(emailFrom)) throw new ConfigError('NOTIFY_EMAIL_FROM', `must be an e-mail address, got '${emailFrom}'`);
  return {
    beforeDays: dayList(env, 'NOTIFY_BEFORE_DAYS', [7, 3, 1]),
    escalateAfterDays: days(env, 'ESCALATE_AFTER_DAYS', 7),
    directoryFile: resolve(nonEmpty(env, 'NOTIFY_DIRECTORY') ?? join(dataDir, 'departments.json')),
    ...(secret !== undefined && { webhookSecret: secret }),
    timeoutMs: integer(env, 'NOTIFY_TIMEOUT_MS', 5000, 1, 600_000),
    maxAttempts: integer(env, 'NOTIFY_MAX_ATTEMPTS', 5, 1, 100),
    retryBaseMs: integer(env, 'NOTIFY_RETRY_BASE_MS', 1000, 1, 3_600_000),
    ...(smtpUrl !== undefined && { smtpUrl }),
    emailFrom,
  };
}

/** Distinct positive day counts, e.g. `7,3,1` (decimals allowed), largest first. */
function dayList(env: NodeJS.ProcessEnv, name: string, fallback: readonly number[]): readonly number[] {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const values = raw.split(',').map((v) => v.trim());
  const numbers = values.map(Number);
  if (values.some((v) => !/^\d+(\.\d+)?$/.test(v)) || numbers.some((n) => !(n > 0)) || new Set(numbers).size !== numbers.length) {
    throw new ConfigError(name, `must be distinct positive numbers of days separated by commas, e.g. 7,3,1, got '${raw}'`);
  }
  return [...numbers].sort((a, b) => b - a);
}
