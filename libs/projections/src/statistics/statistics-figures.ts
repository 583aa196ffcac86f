import { AuthorityLevel } from '@hazard/domain';
import { CycleAtEnd, SourceBucket } from './cycle-at-end';

export { SOURCE_BUCKETS, type SourceBucket } from './cycle-at-end';

/** The figures of one row of the 统计分析表, named as in DESIGN.md. Rates are 0–1 to 4 decimals, 0 over nothing. */
export interface StatisticsFigures {
  readonly found: number;
  readonly foundGeneral: number;
  readonly foundMajor: number;
  readonly foundRectifiedGeneral: number;
  readonly foundRectifiedMajor: number;
  readonly rectificationRateGeneral: number;
  readonly rectificationRateMajor: number;
  readonly rectifiedGeneral: number;
  readonly rectifiedMajor: number;
  readonly rectifiedOnTime: number;
  readonly onTimeRate: number;
  readonly openAtEnd: number;
  readonly overdueAtEnd: number;
  readonly supervisedAtEnd: Readonly<Record<AuthorityLevel, number>>;
  readonly withPlan: number;
  /** 治理资金 in fen (integer), so sums are exact. */
  readonly fundingPlanned: number;
  readonly bySource: Readonly<Record<SourceBucket, number>>;
}

type Counts = Omit<StatisticsFigures, 'found' | 'rectificationRateGeneral' | 'rectificationRateMajor' | 'onTimeRate'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** The counts behind one row while the cycles are added up; rates are taken only at the end, from the sums. */
export class FigureTally {
  private readonly c: Mutable<Counts> = {
    foundGeneral: 0, foundMajor: 0, foundRectifiedGeneral: 0, foundRectifiedMajor: 0, rectifiedGeneral: 0, rectifiedMajor: 0,
    rectifiedOnTime: 0, openAtEnd: 0, overdueAtEnd: 0, supervisedAtEnd: { county: 0, city: 0, province: 0 }, withPlan: 0,
    fundingPlanned: 0, bySource: { inspection: 0, 'self-check': 0, 'citizen-report': 0, other: 0 },
  };
  private touched = false;

  /**
   * "In the period" is [from, end): the same as [from, to) once the period has ended, and for a running one
   * nothing dated after now counts (so found ⊇ found-and-verified, whatever a skewed clock wrote).
   */
  addCycle(cycle: CycleAtEnd, fromMs: number, endMs: number): void {
    const c = this.c;
    const major = cycle.level === 'major';
    const inPeriod = (at: number | null): boolean => at !== null && at >= fromMs && at < endMs;
    if (inPeriod(cycle.foundMs)) {
      this.count(major ? 'foundMajor' : 'foundGeneral');
      c.bySource[cycle.source] += 1;
      if (cycle.verifiedMs !== null && cycle.verifiedMs < endMs) this.count(major ? 'foundRectifiedMajor' : 'foundRectifiedGeneral');
      if (major && cycle.plan) {
        this.count('withPlan');
        c.fundingPlanned += cycle.plan.fundingFen ?? 0;
      }
    }
    if (inPeriod(cycle.verifiedMs)) {
      this.count(major ? 'rectifiedMajor' : 'rectifiedGeneral');
      if (cycle.acceptedOnTime) this.count('rectifiedOnTime');
    }
    if (cycle.openAtEnd) this.count('openAtEnd');
    if (cycle.overdueAtEnd) this.count('overdueAtEnd');
  }

  addSupervision(level: AuthorityLevel): void {
    this.c.supervisedAtEnd[level] += 1;
    this.touched = true;
  }

  /** Whether anything was counted (a row outside the catalogue is shown only then). */
  get hasData(): boolean {
    return this.touched;
  }

  figures(): StatisticsFigures {
    const c = this.c;
    const found = c.foundGeneral + c.foundMajor;
    return {
      found,
      foundGeneral: c.foundGeneral,
      foundMajor: c.foundMajor,
      foundRectifiedGeneral: c.foundRectifiedGeneral,
      foundRectifiedMajor: c.foundRectifiedMajor,
      rectificationRateGeneral: rate(c.foundRectifiedGeneral, c.foundGeneral),
      rectificationRateMajor: rate(c.foundRectifiedMajor, c.foundMajor),
      rectifiedGeneral: c.rectifiedGeneral,
      rectifiedMajor: c.rectifiedMajor,
      rectifiedOnTime: c.rectifiedOnTime,
      onTimeRate: rate(c.rectifiedOnTime, c.rectifiedGeneral + c.rectifiedMajor),
      openAtEnd: c.openAtEnd,
      overdueAtEnd: c.overdueAtEnd,
      supervisedAtEnd: { ...c.supervisedAtEnd },
      withPlan: c.withPlan,
      fundingPlanned: c.fundingPlanned,
      bySource: { ...c.bySource },
    };
  }

  private count(field: 'foundGeneral' | 'foundMajor' | 'foundRectifiedGeneral' | 'foundRectifiedMajor' | 'rectifiedGeneral' | 'rectifiedMajor' | 'rectifiedOnTime' | 'openAtEnd' | 'overdueAtEnd' | 'withPlan'): void {
    this.c[field] += 1;
    this.touched = true;
  }
}

/** The figures that are rates (0–1), shown as `0.00%`. */
export const RATE_FIELDS: readonly string[] = ['rectificationRateGeneral', 'rectificationRateMajor', 'onTimeRate'] satisfies readonly (keyof StatisticsFigures)[];

/** part ÷ whole, 0–1 to 4 decimals; 0 over nothing. */
function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

const FIGURE_KEYS = [
  'found', 'foundGeneral', 'foundMajor', 'foundRectifiedGeneral', 'foundRectifiedMajor', 'rectificationRateGeneral', 'rectificationRateMajor',
  'rectifiedGeneral', 'rectifiedMajor', 'rectifiedOnTime', 'onTimeRate', 'openAtEnd', 'overdueAtEnd', 'supervisedAtEnd', 'withPlan',
  'fundingPlanned', 'bySource',
] as const satisfies readonly (keyof StatisticsFigures)[];

/** Every figure of a row as `[field, value]` in the table's order, nested ones flattened (`supervisedAtEnd.city`). */
export function flattenFigures(f: StatisticsFigures): [string, number][] {
  const out: [string, number][] = [];
  for (const field of FIGURE_KEYS) {
    const value = f[field];
    if (typeof value === 'number') out.push([field, value]);
    else for (const [sub, v] of Object.entries(value)) out.push([`${field}.${sub}`, v]);
  }
  return out;
}
