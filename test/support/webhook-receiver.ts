import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedHook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly raw: Buffer;
  readonly at: number;
}

/** Decides the answer to one request; may hold it (never answer) to play a slow receiver. */
export type HookReply = (hook: ReceivedHook, res: ServerResponse, nth: number) => void;

/** A real HTTP receiver on 127.0.0.1 (port 0) that records every request, answering per path. */
export class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  private readonly replies = new Map<string, HookReply>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const hook = { path: req.url ?? '', headers: req.headers, raw: Buffer.concat(chunks), at: Date.now() };
        receiver.received.push(hook);
        const reply = receiver.replies.get(hook.path) ?? ((_h: ReceivedHook, r: ServerResponse) => r.writeHead(204).end());
        reply(hook, res, receiver.at(hook.path).length);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  on(path: string, reply: HookReply): void {
    this.replies.set(path, reply);
  }

  at(path: string): ReceivedHook[] {
    return this.received.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
