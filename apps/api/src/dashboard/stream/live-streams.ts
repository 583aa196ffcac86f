import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ProjectionEvents } from '../read-models/projection-events';
import { SseConnection } from './sse-connection';

const HEARTBEAT_MS = 15_000;
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** The open `GET /stream` connections; each ends when its client goes, and all of them when the app stops. */
@Injectable()
export class LiveStreams implements OnModuleDestroy {
  private readonly open = new Set<SseConnection>();

  constructor(private readonly projection: ProjectionEvents) {}

  get count(): number {
    return this.open.size;
  }

  attach(response: ServerResponse): void {
    const connection = new SseConnection(response, this.projection.changes$, {
      heartbeatMs: HEARTBEAT_MS,
      maxBufferedBytes: MAX_BUFFERED_BYTES,
      onClose: (closed) => this.open.delete(closed),
    });
    this.open.add(connection);
    // The response's `close` (not the request's) fires when the client disconnects.
    response.once('close', () => connection.close());
  }

  /** Before the HTTP server closes: it waits for open responses, and these would never end by themselves. */
  onModuleDestroy(): void {
    for (const connection of [...this.open]) connection.close();
  }
}
