import { Actor, HazardCommand, HazardStatus, Unstamped } from '@hazard/domain';

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** One command of a hazard's generated life, with who issues it and when. */
export interface SeedStep {
  readonly at: string;
  readonly actor: Actor;
  readonly command: Unstamped<HazardCommand>;
}

/**
 * A hazard's life as it is written: commands in time order, never later than `until` (the life is cut
 * there, which leaves hazards in every stage), with the system's 逾期 record inserted wherever a deadline
 * passes while the hazard waits for its rectification — what the server's deadline scheduler would record.
 * It follows the status so scenarios can ask what may come next.
 */
export class Timeline {
  readonly steps: SeedStep[] = [];
  status: HazardStatus | 'new' = 'new';
  /** The deadline that counts while assigned or reopened with an assignment; null otherwise. */
  deadline: number | null = null;
  pendingExtension: number | null = null;
  supervision: 'county' | 'city' | null = null;
  closureApplied = false;
  planned = false;
  /** Scales every wait: a long life packs hundreds of commands into months by acting more often. */
  pace = 1;
  private overdueMarked: number | null = null;
  private ended = false;

  constructor(
    readonly hazardId: string,
    public at: number,
    private readonly until: number,
    private readonly system: Actor,
  ) {}

  get open(): boolean {
    return !this.ended;
  }

  waitHours(hours: number): this {
    this.at += Math.round(hours * this.pace * HOUR_MS);
    return this;
  }

  iso(ms: number = this.at): string {
    return new Date(ms).toISOString();
  }

  /** Records the command at the current time, unless the life has been cut; false once it has. */
  add(actor: Actor, command: Unstamped<HazardCommand>): boolean {
    if (this.ended || this.at > this.until) {
      this.ended = true;
      return false;
    }
    this.markOverdueBefore(this.at);
    this.steps.push({ at: this.iso(), actor, command });
    this.follow(command);
    return true;
  }

  /** The end of the life: a deadline passed by `until` is recorded as missed too. */
  finish(): SeedStep[] {
    this.markOverdueBefore(this.until);
    return this.steps;
  }

  private markOverdueBefore(time: number): void {
    const deadline = this.deadline;
    if (deadline === null || this.overdueMarked === deadline || time <= deadline + HOUR_MS) return;
    if (this.status !== 'assigned' && this.status !== 'reopened') return;
    this.steps.push({ at: this.iso(deadline + HOUR_MS), actor: this.system, command: { type: 'MarkOverdue', hazardId: this.hazardId, data: {} } });
    this.overdueMarked = deadline;
  }

  private follow(command: Unstamped<HazardCommand>): void {
    switch (command.type) {
      case 'ReportHazard':
        // A first report founds the hazard; one after verification starts a new cycle (HazardFoundAgain).
        if (this.status === 'new') this.status = 'found';
        else if (this.status === 'verified') {
          this.status = 'reopened';
          this.newCycle();
        }
        return;
      case 'AssignRectification':
        this.status = 'assigned';
        this.deadline = Date.parse(command.data.deadline);
        this.pendingExtension = null;
        return;
      case 'RequestExtension':
        this.pendingExtension = Date.parse(command.data.newDeadline);
        return;
      case 'DecideExtension':
        if (command.data.approved && this.pendingExtension !== null) this.deadline = this.pendingExtension;
        this.pendingExtension = null;
        return;
      case 'SubmitRemediationPlan':
        this.planned = true;
        return;
      case 'SubmitRectification':
        this.status = 'rectified';
        return;
      case 'ApplyForClosure':
        this.closureApplied = true;
        return;
      case 'VerifyRectification':
        this.status = command.data.passed ? 'verified' : 'reopened';
        this.closureApplied = false;
        if (command.data.passed) this.deadline = null;
        return;
      case 'ReopenHazard':
        this.status = 'reopened';
        this.newCycle();
        return;
      case 'ImposeSupervision':
        this.supervision = command.data.authorityLevel === 'province' ? 'city' : command.data.authorityLevel;
        return;
      case 'LiftSupervision':
        this.supervision = null;
        return;
      default:
        return;
    }
  }

  /** A new rectification cycle starts with no assignment, plan or deadline (the evolve's newCycle). */
  private newCycle(): void {
    this.deadline = null;
    this.pendingExtension = null;
    this.planned = false;
    this.closureApplied = false;
  }
}
