import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/** The code of every answer given while the server drains (docs/reliability.md). */
export const SHUTTING_DOWN_CODE = 'SERVER.SHUTTING_DOWN';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * How long idle keep-alive connections stay open after SIGTERM. A client may have sent its next request just
 * before: read, it gets the drain's 503 (retry elsewhere); destroyed unread, it would get a connection reset.
 */
const IDLE_LINGER_MS = 200;

/**
 * Sits in front of the HTTP server's request listener (Fastify's) and knows which requests are in hand. On
 * `drain` the server stops accepting, a request that arrives after it is answered 503 with Retry-After, a
 * code and `Connection: close`, the requests in hand are answered with `Connection: close`, and the idle
 * connections are closed after a short linger — without this a connection that had a request in flight stays
 * open until Fastify's 72 s keep-alive timeout.
 */
export class HttpDrain {
  private readonly inHand = new Set<ServerResponse>();
  private draining = false;
  private onSettled: (() => void) | undefined;

  private constructor(
    private readonly server: Server,
    private readonly listeners: readonly RequestListener[],
    private readonly retryAfterSeconds: number,
  ) {}

  static attach(server: Server, retryAfterSeconds: number): HttpDrain {
    const drain = new HttpDrain(server, server.listeners('request') as RequestListener[], retryAfterSeconds);
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => drain.onRequest(request, response));
    return drain;
  }

  /** Requests accepted and not yet answered, event streams left out: they last until their module ends them. */
  pending(): number {
    let count = 0;
    for (const response of this.inHand) if (!isEventStream(response)) count += 1;
    return count;
  }

  /**
   * Stops accepting, closes idle connections, and resolves when every request in hand has been answered or
   * `timeoutMs` has passed, with the number still unanswered.
   */
  async drain(timeoutMs: number): Promise<number> {
    this.draining = true;
    // Only the listening socket: http.Server#close would also destroy idle connections at once (see IDLE_LINGER_MS).
    NetServer.prototype.close.call(this.server);
    for (const response of this.inHand) closeAfter(response);
    const linger = Math.min(IDLE_LINGER_MS, timeoutMs);
    let sweep: NodeJS.Timeout | undefined;
    let giveUp: NodeJS.Timeout | undefined;
    let over = false;
    const lingered = delay(linger).then(() => {
      if (!over) sweep = setInterval(() => this.server.closeIdleConnections(), 20);
      this.server.closeIdleConnections();
    });
    try {
      await Promise.race([Promise.all([lingered, this.settled()]), new Promise((resolve) => (giveUp = setTimeout(resolve, timeoutMs)))]);
    } finally {
      over = true;
      clearInterval(sweep);
      clearTimeout(giveUp);
      this.onSettled = undefined;
    }
    this.server.closeIdleConnections();
    return this.pending();
  }

  private settled(): Promise<void> {
    return new Promise((resolve) => {
      this.onSettled = () => {
        if (this.pending() === 0) resolve();
      };
      this.onSettled();
    });
  }

  /** Ends whatever is still open (event streams, requests past the grace). */
  closeAll(): void {
    this.server.closeAllConnections();
  }

  private onRequest(request: IncomingMessage, response: ServerResponse): void {
    if (this.draining) return this.refuse(response);
    this.inHand.add(response);
    response.once('close', () => {
      this.inHand.delete(response);
      this.onSettled?.();
    });
    for (const listener of this.listeners) listener.call(this.server, request, response);
  }

  private refuse(response: ServerResponse): void {
    const body = JSON.stringify({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'the server is shutting down; retry shortly (another replica, or this one after its restart)',
      code: SHUTTING_DOWN_CODE,
    });
    response.shouldKeepAlive = false;
    response.writeHead(503, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'retry-after': String(this.retryAfterSeconds),
      'cache-control': 'no-store',
    });
    response.end(body);
  }
}

/** Answered with `Connection: close` if its headers are not out yet; else the idle sweep closes it after. */
function closeAfter(response: ServerResponse): void {
  if (!response.headersSent) response.shouldKeepAlive = false;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isEventStream(response: ServerResponse): boolean {
  return response.headersSent && String(response.getHeader('content-type') ?? '').startsWith('text/event-stream');
}
