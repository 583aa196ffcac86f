import { ConfigError } from './config-error';
import { integer, nonEmpty } from './env-values';

/** What operations read: /metrics and /health/ready (docs/operations.md). */
export interface OperationsConfig {
  /** METRICS_TOKEN: when set, /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it is public. */
  readonly metricsToken?: string;
  /** READY_MAX_LAG: positions the projector may trail the head of the log by and still be ready. */
  readonly readyMaxLag: number;
}

export function loadOperationsConfig(env: NodeJS.ProcessEnv): OperationsConfig {
  const metricsToken = nonEmpty(env, 'METRICS_TOKEN');
  if (metricsToken === undefined && env.METRICS_TOKEN) throw new ConfigError('METRICS_TOKEN', 'is set but blank');
  if (metricsToken !== undefined && !/^\S{16,256}$/.test(metricsToken)) {
    throw new ConfigError('METRICS_TOKEN', 'must be 16 to 256 characters without spaces');
  }
  return { metricsToken, readyMaxLag: integer(env, 'READY_MAX_LAG', 1000, 0, Number.MAX_SAFE_INTEGER) };
}
