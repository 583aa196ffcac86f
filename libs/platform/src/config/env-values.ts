import { ConfigError } from './config-error';

/** Readers of one environment variable each; a bad value is a ConfigError naming the variable. */
export function nonEmpty(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

export function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!(values as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${values.join(', ')}, got '${raw}'`);
  }
  return raw as T;
}

/** A positive number of days, decimals allowed (0.5 = twelve hours). */
export function days(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !(value > 0) || value > 3650) {
    throw new ConfigError(name, `must be a positive number of days up to 3650 (decimals allowed), got '${raw}'`);
  }
  return value;
}

/** An IANA time zone this Node knows (Intl throws a RangeError for any other). */
export function timeZone(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = nonEmpty(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
  } catch {
    throw new ConfigError(name, `must be an IANA time zone such as Asia/Shanghai, got '${raw}'`);
  }
  return raw;
}

/** A comma-separated list of distinct values from `values` (at least one); unset → `fallback`. */
export function listOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: readonly T[]): readonly T[] {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  const items = raw.split(',').map((item) => item.trim());
  const wrong = items.find((item) => !(values as readonly string[]).includes(item));
  if (wrong !== undefined || new Set(items).size !== items.length) {
    throw new ConfigError(name, `must be a comma-separated list of distinct values from ${values.join(', ')}, got '${raw}'`);
  }
  return items as T[];
}
