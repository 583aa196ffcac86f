import autocannon from 'autocannon';
import { mixRequest, Role, STAGES, WalkContext } from './command-mix';

export interface LoadResult {
  /** 2xx answers per second of the run. */
  readonly okPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Non-2xx answers, socket errors and timeouts. */
  readonly errors: number;
  readonly requests: number;
}

function resultOf(result: autocannon.Result, seconds: number): LoadResult {
  return {
    okPerSec: result['2xx'] / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    requests: result.requests.total,
  };
}

async function run(options: autocannon.Options): Promise<LoadResult> {
  const started = performance.now();
  const result = await autocannon(options);
  return resultOf(result, (performance.now() - started) / 1000);
}

/**
 * The command mix against the API: autocannon loops over the five stages per connection, its context (reset
 * at each loop) carrying the hazard of the walk from one request to the next.
 */
export function commandLoad(port: number, connections: number, seconds: number, auth: Record<Role, string>, prefix: string): Promise<LoadResult> {
  return run({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: STAGES.map((stage) => ({
      setupRequest: (request: autocannon.Request, context: WalkContext) => ({ ...request, ...mixRequest(stage, context, auth, prefix) }),
    })),
  } as autocannon.Options);
}

/** The ceiling: the same connections posting a 12-field body to the no-op route. */
export function ceilingLoad(port: number, connections: number, seconds: number, body: unknown): Promise<LoadResult> {
  return run({
    url: `http://127.0.0.1:${port}/noop`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
