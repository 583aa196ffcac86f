import { integer } from './env-values';

/** docs/reliability.md: how the process stops. */
export interface RuntimeConfig {
  /**
   * SHUTDOWN_GRACE_MS: from SIGTERM to exit. Within it the server stops accepting, answers new requests 503,
   * lets the requests in hand finish, then stops the consumers and closes the stores; past it, it exits at once.
   */
  readonly shutdownGraceMs: number;
}

export function loadRuntimeConfig(env: NodeJS.ProcessEnv): RuntimeConfig {
  return { shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 100, 600_000) };
}
