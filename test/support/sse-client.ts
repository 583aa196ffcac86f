import { get, IncomingMessage } from 'node:http';

export interface SseMessage {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}

/**
 * A raw HTTP client of a `text/event-stream` endpoint, as an EventSource sees it but with the parsed
 * blocks exposed: messages, and the comment lines (heartbeats) the browser API would hide.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  ended = false;
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.receive(chunk));
    response.on('close', () => {
      this.ended = true;
      this.wake();
    });
  }

  /** Resolves once the status line and headers are in (any status: a 401 is for the test to assert). */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      get(url, { headers: { Accept: 'text/event-stream', ...headers } }, (response) => resolve(new SseClient(response))).on('error', reject);
    });
  }

  get status(): number | undefined {
    return this.response.statusCode;
  }

  /** Waits (up to `timeoutMs`) until `done` holds of what has arrived. */
  async until(done: (client: SseClient) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this)) {
      if (this.ended) throw new Error(`stream ended; got ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; got ${JSON.stringify(this.messages)} and comments ${JSON.stringify(this.comments)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.response.destroy();
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      this.parse(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
    }
    this.wake();
  }

  private parse(block: string): void {
    const fields: Record<string, string[]> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      (fields[name] ??= []).push(value);
    }
    if (fields.data) this.messages.push({ id: fields.id?.at(-1), event: fields.event?.at(-1), data: fields.data.join('\n') });
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
