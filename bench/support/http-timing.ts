import { Agent, request } from 'node:http';

export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

/** One request on a keep-alive agent, timed from send to the last byte of the answer. */
export function send(agent: Agent, port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, method, path, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.end(body);
  });
}

/**
 * `count` GETs of `path` one after another on one connection: latency without queueing, which is what a
 * reviewer opening a dossier sees. Anything but 200 stops the bench — a fast error is not a fast answer.
 */
export async function timeGets(port: number, path: string, headers: Record<string, string>, count: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const answer = await send(agent, port, 'GET', path, headers);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      latencies.push(answer.ms);
    }
    return latencies;
  } finally {
    agent.destroy();
  }
}
