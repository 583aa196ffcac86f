import { ConfigError } from './config-error';
import { integer, nonEmpty } from './env-values';

/** docs/security.md: the abuse limits, the token policy and cross-origin access. */
export interface SecurityConfig {
  readonly throttle: ThrottleConfig;
  /** MAX_TOKEN_TTL: the longest lifetime (exp − now, exp − iat) a bearer token may have, in seconds. */
  readonly maxTokenTtlSeconds: number;
  /** JWT_ISSUER / JWT_AUDIENCE: when set, tokens must carry this iss / aud, and `npm run token` stamps them. */
  readonly jwtIssuer?: string;
  readonly jwtAudience?: string;
  /** CORS_ORIGINS: the browser origins allowed to call the API; empty (the default): no CORS headers at all. */
  readonly corsOrigins: readonly string[];
}

/** Every limit counts requests in a fixed window of `windowSeconds`; over it, 429 with Retry-After. */
export interface ThrottleConfig {
  readonly windowSeconds: number;
  /** THROTTLE_READS: GET/HEAD requests per user (token subject) per window. */
  readonly reads: number;
  /** THROTTLE_WRITES: POST/PUT/PATCH/DELETE requests per user per window. */
  readonly writes: number;
  /** THROTTLE_PUBLIC_READS: requests to public routes (catalogue, health, 公示, the wall page) per client address. */
  readonly publicReads: number;
  /** THROTTLE_PUBLIC_WRITES: public submissions (举报 intake, review requests) per client address. */
  readonly publicWrites: number;
  /** THROTTLE_AUTH_FAILURES: requests with a missing or bad token per client address before they get 429. */
  readonly authFailures: number;
  /** THROTTLE_MIN_POSITION_WAITS: read-your-writes waits held at once by this replica; more answer 503 at once. */
  readonly minPositionWaits: number;
}

/** How far a token's iat/nbf/exp may be off this server's clock. */
export const TOKEN_CLOCK_SKEW_SECONDS = 30;

const MAX_COUNT = 10_000_000;

export function loadSecurityConfig(env: NodeJS.ProcessEnv): SecurityConfig {
  const jwtIssuer = nonEmpty(env, 'JWT_ISSUER');
  const jwtAudience = nonEmpty(env, 'JWT_AUDIENCE');
  return {
    throttle: {
      windowSeconds: integer(env, 'THROTTLE_WINDOW_SECONDS', 60, 1, 86_400),
      reads: integer(env, 'THROTTLE_READS', 600, 1, MAX_COUNT),
      writes: integer(env, 'THROTTLE_WRITES', 120, 1, MAX_COUNT),
      publicReads: integer(env, 'THROTTLE_PUBLIC_READS', 120, 1, MAX_COUNT),
      publicWrites: integer(env, 'THROTTLE_PUBLIC_WRITES', 10, 1, MAX_COUNT),
      authFailures: integer(env, 'THROTTLE_AUTH_FAILURES', 30, 1, MAX_COUNT),
      minPositionWaits: integer(env, 'THROTTLE_MIN_POSITION_WAITS', 64, 1, 100_000),
    },
    maxTokenTtlSeconds: maxTokenTtl(env),
    ...(jwtIssuer !== undefined && { jwtIssuer }),
    ...(jwtAudience !== undefined && { jwtAudience }),
    corsOrigins: origins(env),
  };
}

const DAY_SECONDS = 86_400;
const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: DAY_SECONDS };

/** `90s`, `15m`, `8h`, `30d` or a bare number of seconds; undefined if it is none of these. */
export function durationSeconds(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

function maxTokenTtl(env: NodeJS.ProcessEnv): number {
  const raw = nonEmpty(env, 'MAX_TOKEN_TTL');
  if (raw === undefined) return 30 * DAY_SECONDS;
  const seconds = durationSeconds(raw);
  if (seconds === undefined || seconds > 366 * DAY_SECONDS) {
    throw new ConfigError('MAX_TOKEN_TTL', `must be a lifetime such as 8h or 30d, at most 366d, got '${raw}'`);
  }
  return seconds;
}

function origins(env: NodeJS.ProcessEnv): readonly string[] {
  const raw = nonEmpty(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  const list = raw.split(',').map((o) => o.trim()).filter(Boolean);
  const wrong = list.find((o) => !/^https?:\/\/[^\s/?#*]+$/.test(o));
  if (wrong !== undefined) {
    throw new ConfigError('CORS_ORIGINS', `must be comma-separated origins such as https://wall.example.gov.cn (no path, no *), got '${wrong}'`);
  }
  return list;
}

/** Fewer distinct characters than this and a secret is a pattern, however long (40 × 'a', 'abab…'). */
const MIN_DISTINCT_SECRET_CHARACTERS = 8;

/** Why a shared HMAC secret is too weak to sign tokens with, or undefined. */
export function weakSecretProblem(secret: string): string | undefined {
  if (Buffer.byteLength(secret, 'utf8') < 32) return 'must be at least 32 bytes (HS256 needs a strong shared secret)';
  if (new Set(secret).size < MIN_DISTINCT_SECRET_CHARACTERS) {
    return `has fewer than ${MIN_DISTINCT_SECRET_CHARACTERS} distinct characters: use a random one, e.g. openssl rand -hex 32`;
  }
  return undefined;
}
