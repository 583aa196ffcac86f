import { Agent, request } from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { inspector } from './actors';
import { reportBody } from './hazard-requests';
import { TEST_SECRET } from './test-app';

export interface Outcome {
  readonly kind: 'report' | 'health';
  /** performance.now() when the request was sent and when it settled. */
  readonly sentAt: number;
  readonly settledAt: number;
  /** HTTP status, or the socket error's code (ECONNRESET, ECONNREFUSED…). */
  readonly status: number | string;
  readonly hazardId?: string;
  readonly code?: string;
  readonly retryAfter?: string;
}

export interface LoadOptions {
  readonly port: number;
  readonly connections: number;
  /** Every this many requests on a connection, one is a /health probe instead of a report. */
  readonly healthEvery?: number;
  /** Each connection stops after this many requests, or at `stop()`. */
  readonly requestsPerConnection?: number;
}

/**
 * Drives `connections` keep-alive connections, each sending one request after another (reports of new
 * hazards, now and then a /health probe) until it has sent its share or `stop()` is called. Bounded: it
 * always ends by itself.
 */
export function commandLoad(options: LoadOptions): { done: Promise<Outcome[]>; stop: () => void; acknowledged: () => number } {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const token = new JwtService({ secret: TEST_SECRET }).sign({ sectors: [], regions: [], ...inspector }, { algorithm: 'HS256', expiresIn: '1h' });
  const outcomes: Outcome[] = [];
  let stopped = false;
  const perConnection = options.requestsPerConnection ?? 10_000;
  const healthEvery = options.healthEvery ?? 4;
  const loops = Array.from({ length: options.connections }, async (_, connection) => {
    for (let i = 0; i < perConnection && !stopped; i += 1) {
      const kind = (i + connection) % healthEvery === 0 ? 'health' : 'report';
      const outcome = await send(options.port, agent, token, kind);
      outcomes.push(outcome);
      if (typeof outcome.status === 'string') await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  const done = Promise.all(loops).then(() => {
    agent.destroy();
    return outcomes;
  });
  const acknowledged = () => outcomes.filter((o) => o.status === 201).length;
  return { done, stop: () => void (stopped = true), acknowledged };
}

function send(port: number, agent: Agent, token: string, kind: Outcome['kind']): Promise<Outcome> {
  const body = kind === 'report' ? JSON.stringify(reportBody()) : undefined;
  const sentAt = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: body ? 'POST' : 'GET',
        path: body ? '/api/v1/hazards' : '/health',
        headers: {
          authorization: `Bearer ${token}`,
          ...(body && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const json = parse(text);
          resolve({
            kind,
            sentAt,
            settledAt: performance.now(),
            status: res.statusCode ?? 0,
            ...(typeof json.hazardId === 'string' && { hazardId: json.hazardId }),
            ...(typeof json.code === 'string' && { code: json.code }),
            ...(res.headers['retry-after'] !== undefined && { retryAfter: res.headers['retry-after'] }),
          });
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ kind, sentAt, settledAt: performance.now(), status: error.code ?? 'ERROR' }));
    req.end(body);
  });
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
