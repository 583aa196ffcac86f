import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Actor, canRead, readScopeOf } from '@hazard/domain';
import type { ServerResponse } from 'node:http';
import { filter } from 'rxjs';
import { ProjectedChange, ProjectionEvents } from '../read-models/projection-events';
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

  /** A connection that gets only the changes of hazards `actor` may read after them (API.md "Read scope"). */
  attach(response: ServerResponse, actor: Actor): void {
    const readableChanges = this.projection.changes$.pipe(filter((change) => mayReceive(actor, change)));
    const connection = new SseConnection(response, readableChanges, {
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

/** A change of a hazard the read models do not hold (yet) goes only to those who read everything. */
export function mayReceive(actor: Actor, change: ProjectedChange): boolean {
  return change.readable ? canRead(actor, change.readable) : readScopeOf(actor).all;
}
