import { Injectable } from '@nestjs/common';
import { HazardReadFacts } from '@hazard/domain';
import { Subject } from 'rxjs';

/** One change the projector has committed to the read models, as pushed to live dashboards (`GET /stream`). */
export interface ProjectedChange {
  readonly position: number;
  readonly hazardId: string;
  readonly type: string;
  readonly occurredAt: string;
  /**
   * What canRead looks at, as the read models hold the hazard once the change's batch is committed; absent when
   * they do not hold it. Only for choosing the connections that get the change; never sent.
   */
  readonly readable?: HazardReadFacts;
}

/**
 * The projector's public face inside the app: where it has got to (for `minPosition` read-your-writes) and
 * a stream of committed changes (for SSE). Filled by the projector after each committed batch.
 */
@Injectable()
export class ProjectionEvents {
  readonly changes$ = new Subject<ProjectedChange>();

  /** Whether anyone listens to the changes (an open `/stream`): if not, the projector need not describe them. */
  get observed(): boolean {
    return this.changes$.observed;
  }
  private current = 0;

  get position(): number {
    return this.current;
  }

  committed(changes: readonly ProjectedChange[], position: number): void {
    this.current = Math.max(this.current, position);
    for (const change of changes) this.changes$.next(change);
  }
}
