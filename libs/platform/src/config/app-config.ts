import { resolve } from 'node:path';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: 'sqlite' | 'eventstoredb';
  readonly esdbConnectionString?: string;
  /** Undefined: generated once and kept in `dataDir` (see jwt-secret.ts). */
  readonly jwtSecret?: string;
  readonly deadlineScanMs: number;
  readonly logLevel: LogLevel;
  /** Reporting delay (discoveredAt → recorded) beyond which the trail flags 迟报. */
  readonly lateReportHours: number;
  /** SUPERVISE_MAJOR: the system puts every major hazard under supervision when it is found or graded major. */
  readonly superviseMajor: boolean;
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A bad environment variable: start-up stops with a message that names it. */
export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`configuration: ${variable} ${problem}`);
  }
}

/** Reads and validates API.md's configuration list; every variable has a default that works on a laptop. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const eventStore = oneOf(env, 'EVENT_STORE', ['sqlite', 'eventstoredb'] as const, 'sqlite');
  const esdbConnectionString = nonEmpty(env, 'ESDB_CONNECTION_STRING');
  if (eventStore === 'eventstoredb' && !esdbConnectionString) {
    throw new ConfigError('ESDB_CONNECTION_STRING', 'is required when EVENT_STORE=eventstoredb');
  }
  if (esdbConnectionString && !/^(esdb|esdb\+discover):\/\//.test(esdbConnectionString)) {
    throw new ConfigError('ESDB_CONNECTION_STRING', `must start with esdb:// or esdb+discover://, got '${esdbConnectionString}'`);
  }
  const jwtSecret = nonEmpty(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters (HS256 needs a strong shared secret)');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: nonEmpty(env, 'HOST') ?? '127.0.0.1',
    dataDir: resolve(nonEmpty(env, 'DATA_DIR') ?? './data'),
    eventStore,
    esdbConnectionString,
    jwtSecret,
    deadlineScanMs: integer(env, 'DEADLINE_SCAN_MS', 1000, 10, 86_400_000),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'log'),
    lateReportHours: integer(env, 'LATE_REPORT_HOURS', 24, 1, 8760),
    superviseMajor: oneOf(env, 'SUPERVISE_MAJOR', ['true', 'false'] as const, 'true') === 'true',
  };
}

function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')}, got '${raw}'`);
  }
  return raw as T;
}
