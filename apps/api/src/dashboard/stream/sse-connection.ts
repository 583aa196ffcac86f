import type { ServerResponse } from 'node:http';
import { Observable, Subscription } from 'rxjs';
import { ProjectedChange } from '../read-models/projection-events';

/** The slice of a Node response a live stream writes to (a fake one in the spec). */
export type SseResponse = Pick<ServerResponse, 'writeHead' | 'write' | 'end' | 'writableLength' | 'writableEnded'>;

export interface SseOptions {
  /** Comment lines keep proxies and load balancers from closing an idle stream. */
  readonly heartbeatMs: number;
  /** A client this far behind is cut off rather than buffered without bound; it reconnects and refetches. */
  readonly maxBufferedBytes: number;
  readonly onClose: (connection: SseConnection) => void;
}

/** How long a browser's EventSource waits before reconnecting after the stream ends. */
export const RETRY_MS = 3000;

const HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // nginx would otherwise buffer the stream and deliver events in lumps.
  'X-Accel-Buffering': 'no',
};

/** One SSE message per projected change; `id` is the log position, so a client knows where it stands. */
export function formatChange(change: ProjectedChange): string {
  const { position, hazardId, type, occurredAt } = change;
  return `id: ${position}\ndata: ${JSON.stringify({ position, hazardId, type, occurredAt })}\n\n`;
}

/** One open `text/event-stream` response fed by the projector's committed changes until either side ends it. */
export class SseConnection {
  private readonly subscription: Subscription;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly response: SseResponse,
    changes: Observable<ProjectedChange>,
    private readonly options: SseOptions,
  ) {
    response.writeHead(200, HEADERS);
    // Sent at once so the client's `open` fires now, not with the first change.
    this.send(`retry: ${RETRY_MS}\n: connected\n\n`);
    this.heartbeat = setInterval(() => this.send(': heartbeat\n\n'), options.heartbeatMs);
    this.heartbeat.unref();
    this.subscription = changes.subscribe({ next: (change) => this.send(formatChange(change)), complete: () => this.close() });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.subscription?.unsubscribe();
    clearInterval(this.heartbeat);
    if (!this.response.writableEnded) this.response.end();
    this.options.onClose(this);
  }

  private send(chunk: string): void {
    if (this.closed) return;
    this.response.write(chunk);
    if (this.response.writableLength > this.options.maxBufferedBytes) this.close();
  }
}
