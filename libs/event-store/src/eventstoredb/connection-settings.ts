/** The client's own default for unary calls; the adapter uses the same bound for the calls the client leaves open. */
export const DEFAULT_DEADLINE_MS = 10_000;

/**
 * Discovery settings the adapter adds when the connection string names none. The client's defaults (10
 * rounds, 5 s gossip timeout per seed, every seed tried each round) let one unreachable three-node cluster
 * hold a channel's first call for 150 s; these bound it to about 5 × (3 × 2 s) + 4 × 0.5 s = 32 s. Callers
 * wait no longer than the deadline either way: this only shortens how long a retired attempt runs on.
 */
const DISCOVERY_DEFAULTS: Readonly<Record<string, string>> = { maxDiscoverAttempts: '5', gossipTimeout: '2', discoveryInterval: '500' };

export interface ConnectionSettings {
  /** The connection string handed to the client, with the discovery defaults added. */
  readonly connectionString: string;
  /** Bound on every call: append, each read, a subscription's start (`defaultDeadline`, milliseconds). */
  readonly deadlineMs: number;
}

/** Reads `defaultDeadline` (the client's option, so one setting bounds both) and fills in discovery defaults. */
export function connectionSettings(connectionString: string): ConnectionSettings {
  const trimmed = connectionString.trim();
  const query = new URLSearchParams(trimmed.includes('?') ? trimmed.slice(trimmed.indexOf('?') + 1) : '');
  const given = new Map([...query.entries()].map(([key, value]) => [flat(key), value]));
  const deadline = Number(given.get('defaultdeadline') ?? DEFAULT_DEADLINE_MS);
  const clustered = trimmed.startsWith('esdb+discover://') || /^esdb:\/\/[^/?]*,/.test(trimmed);
  const added = clustered ? Object.entries(DISCOVERY_DEFAULTS).filter(([key]) => !given.has(flat(key))) : [];
  const extra = added.map(([key, value]) => `${key}=${value}`).join('&');
  return {
    connectionString: extra === '' ? trimmed : `${trimmed}${trimmed.includes('?') ? '&' : '?'}${extra}`,
    deadlineMs: Number.isFinite(deadline) && deadline > 0 ? deadline : DEFAULT_DEADLINE_MS,
  };
}

/** The client compares option names case- and separator-insensitively. */
function flat(key: string): string {
  return key.trim().toLowerCase().replace(/[_-]/g, '');
}
