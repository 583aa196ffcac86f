import { get, IncomingMessage } from 'node:http';

export interface Projected {
  readonly position: number;
  readonly hazardId: string;
}

/**
 * Listens to GET /stream (server-sent events: one message per change the projector committed) and calls
 * `onChange` the moment each arrives. Resolves once the stream answered 200.
 */
export function listen(port: number, token: string, onChange: (change: Projected, at: number) => void): Promise<{ close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/v1/stream', headers: { accept: 'text/event-stream', authorization: token } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /stream answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
          if (data) onChange(JSON.parse(data) as Projected, at);
        }
      });
      resolve({ close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}
