import { join, resolve } from 'node:path';
import { parseMasterKey } from '../pii/master-key';
import { ConfigError } from './config-error';
import { loadNotifyConfig, NotifyConfig } from './notify-config';
import { loadRuntimeConfig, RuntimeConfig } from './runtime-config';
import { loadOperationsConfig, OperationsConfig } from './operations-config';
import { loadSecurityConfig, SecurityConfig, weakSecretProblem } from './security-config';
import { DEFAULT_UNIT_REPORTING_TYPES, UNIT_TYPES, UnitType } from '@hazard/domain';
import { days, integer, listOf, nonEmpty, oneOf, timeZone } from './env-values';

export { ConfigError } from './config-error';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: 'sqlite' | 'eventstoredb' | 'postgres';
  readonly esdbConnectionString?: string;
  /** DATABASE_URL, required when EVENT_STORE=postgres: postgres://user:password@host:port/database. */
  readonly databaseUrl?: string;
  /** Undefined: generated once and kept in `dataDir` (see jwt-secret.ts). */
  readonly jwtSecret?: string;
  readonly deadlineScanMs: number;
  readonly logLevel: LogLevel;
  /** Reporting delay (discoveredAt → recorded) beyond which the trail flags 迟报. */
  readonly lateReportHours: number;
  /** SUPERVISE_MAJOR: the system puts every major hazard under supervision when it is found or graded major. */
  readonly superviseMajor: boolean;
  /** IANA zone in which periods (months, quarters, years) and 文号 years begin. */
  readonly timeZone: string;
  /** The reference catalogue (sectors, regions, 判定依据) read at start-up. */
  readonly catalogueFile: string;
  /** CLOSURE_REQUIRED: verifying a major hazard needs a closure application (销号申请). */
  readonly closureRequired: boolean;
  /** CLOSURE_REVIEW_DAYS: the review deadline after an application, in days (decimals allowed). */
  readonly closureReviewDays: number;
  /** NOTICE_SIGN_DAYS: how long after imposition a 督办通知书 must be signed for. */
  readonly noticeSignDays: number;
  /** SUPERVISION_DOC_PREFIX: the prefix of system-assigned 文号, e.g. 安委办督〔2026〕12号. */
  readonly supervisionDocPrefix: string;
  /** TIP_VERIFY_DAYS: from a tip's receipt (or a review request) to its verification. */
  readonly tipVerifyDays: number;
  /** TIP_FEEDBACK_DAYS: from a tip's conclusion to the feedback to its reporter. */
  readonly tipFeedbackDays: number;
  /** PII_MASTER_KEY, 64 hex characters, checked here; undefined: generated once into `dataDir` (see pii/master-key.ts). */
  readonly piiMasterKey?: string;
  /** PII_KEY_STORE: the SQLite file of wrapped data keys, one for all replicas, backed up apart from the events. */
  readonly piiKeyStore: string;
  /** UNIT_REPORTING_TYPES: the unit types expected to file 自查自报 each period. */
  readonly unitReportingTypes: readonly UnitType[];
  /** Notifications: the escalation ladder and the delivery of notices. */
  readonly notify: NotifyConfig;
  /** SHUTDOWN_GRACE_MS (docs/reliability.md). */
  readonly runtime: RuntimeConfig;
  /** Abuse limits, the token policy and CORS (docs/security.md). */
  readonly security: SecurityConfig;
  /** METRICS_TOKEN and READY_MAX_LAG (docs/operations.md). */
  readonly operations: OperationsConfig;
}

/** The key store's file in DATA_DIR when PII_KEY_STORE is unset. */
export const PII_KEYS_FILE = 'pii-keys.sqlite';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Reads and validates API.md's configuration list; every variable has a default that works on a laptop. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const eventStore = oneOf(env, 'EVENT_STORE', ['sqlite', 'eventstoredb', 'postgres'] as const, 'sqlite');
  const databaseUrl = eventStore === 'postgres' ? postgresUrl(env) : undefined;
  const esdbConnectionString = nonEmpty(env, 'ESDB_CONNECTION_STRING');
  if (eventStore === 'eventstoredb' && !esdbConnectionString) {
    throw new ConfigError('ESDB_CONNECTION_STRING', 'is required when EVENT_STORE=eventstoredb');
  }
  if (esdbConnectionString && !/^(esdb|esdb\+discover):\/\//.test(esdbConnectionString)) {
    throw new ConfigError('ESDB_CONNECTION_STRING', `must start with esdb:// or esdb+discover://, got '${esdbConnectionString}'`);
  }
  const jwtSecret = nonEmpty(env, 'JWT_SECRET');
  // Set but blank is a mistake, not "generate one": the operator meant a shared secret.
  if (jwtSecret === undefined && env.JWT_SECRET) throw new ConfigError('JWT_SECRET', 'is set but blank');
  const weakSecret = jwtSecret === undefined ? undefined : weakSecretProblem(jwtSecret);
  if (weakSecret !== undefined) throw new ConfigError('JWT_SECRET', weakSecret);
  const piiMasterKey = nonEmpty(env, 'PII_MASTER_KEY');
  if (piiMasterKey !== undefined) parseMasterKey(piiMasterKey);
  const dataDir = resolve(nonEmpty(env, 'DATA_DIR') ?? './data');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env, 'HOST') ?? '127.0.0.1',
    dataDir,
    eventStore,
    esdbConnectionString,
    databaseUrl,
    jwtSecret,
    deadlineScanMs: integer(env, 'DEADLINE_SCAN_MS', 1000, 10, 86_400_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'log'),
    lateReportHours: integer(env, 'LATE_REPORT_HOURS', 24, 1, 8760),
    superviseMajor: oneOf(env, 'SUPERVISE_MAJOR', ['true', 'false'] as const, 'true') === 'true',
    timeZone: timeZone(env, 'TIME_ZONE', 'Asia/Shanghai'),
    catalogueFile: resolve(nonEmpty(env, 'CATALOGUE_FILE') ?? DEFAULT_CATALOGUE_FILE),
    closureRequired: oneOf(env, 'CLOSURE_REQUIRED', ['true', 'false'] as const, 'true') === 'true',
    closureReviewDays: days(env, 'CLOSURE_REVIEW_DAYS', 10),
    noticeSignDays: days(env, 'NOTICE_SIGN_DAYS', 3),
    supervisionDocPrefix: docPrefix(env),
    unitReportingTypes: listOf(env, 'UNIT_REPORTING_TYPES', UNIT_TYPES, DEFAULT_UNIT_REPORTING_TYPES),
    notify: loadNotifyConfig(env, dataDir),
    runtime: loadRuntimeConfig(env),
    security: loadSecurityConfig(env),
    operations: loadOperationsConfig(env),
    tipVerifyDays: days(env, 'TIP_VERIFY_DAYS', 30),
    tipFeedbackDays: days(env, 'TIP_FEEDBACK_DAYS', 10),
    piiMasterKey,
    piiKeyStore: resolve(nonEmpty(env, 'PII_KEY_STORE') ?? join(dataDir, PII_KEYS_FILE)),
  };
}

/**
 * Checked only when EVENT_STORE=postgres: DATABASE_URL is a common name that a host may set for something
 * else. Never echoed, since it usually carries a password.
 */
function postgresUrl(env: NodeJS.ProcessEnv): string {
  const url = nonEmpty(env, 'DATABASE_URL');
  if (!url) throw new ConfigError('DATABASE_URL', 'is required when EVENT_STORE=postgres');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL; expected postgres://user:password@host:port/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got ${parsed.protocol}//…`);
  }
  return url;
}

/** The shipped catalogue, relative to the working directory (the checkout, or the image's /app). */
const DEFAULT_CATALOGUE_FILE = 'catalogue/default.json';

function docPrefix(env: NodeJS.ProcessEnv): string {
  const prefix = nonEmpty(env, 'SUPERVISION_DOC_PREFIX') ?? '安委办督';
  if ([...prefix].length > 20 || /[〔〕]/.test(prefix)) {
    throw new ConfigError('SUPERVISION_DOC_PREFIX', `must be 1 to 20 characters without 〔 or 〕, got '${prefix}'`);
  }
  return prefix;
}
