import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

/** One change the projector has committed to the read models, as pushed to live dashboards (`GET /stream`). */
export interface ProjectedChange {
  readonly position: number;
  readonly hazardId: string;
  readonly type: string;
  readonly occurredAt: string;
}

/**
 * The projector's public face inside the app: where it has got to (for `minPosition` read-your-writes) and
 * a stream of committed changes (for SSE). Filled by the projector after each committed batch.
 */
@Injectable()
export class ProjectionEvents {
  readonly changes$ = new Subject<ProjectedChange>();
  private current = 0;

  get position(): number {
    return this.current;
  }

  committed(changes: readonly ProjectedChange[], position: number): void {
    this.current = Math.max(this.current, position);
    for (const change of changes) this.changes$.next(change);
  }
}
