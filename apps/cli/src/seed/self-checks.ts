import { SubmitSelfCheckReport, UnitType, Unstamped } from '@hazard/domain';
import { SelfCheckPeriod, selfCheckPeriod, selfCheckPeriodOf } from '@hazard/projections';
import { Random } from './random';
import { DAY_MS } from './timeline';
import { principalOf, SeedUnit } from './units';

export interface SelfCheckStep {
  readonly at: string;
  readonly command: Unstamped<SubmitSelfCheckReport>;
}

/**
 * 自查自报 of the n-th unit: one report a month from the month after it registered, for the periods that have
 * ended by `until`, when its type is one the city expects reports from. Most come in by the 15th; some late,
 * some never (the dashboard's missing list). Each declares 零隐患, signed by the principal the unit registered.
 */
export function selfChecksOf(unit: SeedUnit, n: number, options: { seed: number; registeredAt: number; until: number; timeZone: string; reportingTypes: readonly UnitType[] }): SelfCheckStep[] {
  if (!options.reportingTypes.includes(unit.type)) return [];
  const random = new Random(options.seed, 3, n);
  const steps: SelfCheckStep[] = [];
  const first = selfCheckPeriodOf(new Date(options.registeredAt + 31 * DAY_MS).toISOString(), 'month', options.timeZone);
  for (const period of monthsFrom(first, options.until, options.timeZone)) {
    const late = random.chance(0.1);
    const at = late ? Date.parse(period.lateFrom) + random.int(1, 20) * DAY_MS : Date.parse(period.to) + random.int(1, 14 * 24) * 3_600_000;
    if (at > options.until) break;
    if (random.chance(0.08)) continue;
    steps.push({
      at: new Date(at).toISOString(),
      command: {
        type: 'SubmitSelfCheckReport',
        creditCode: unit.creditCode,
        data: { period: period.period, window: { from: period.from, to: period.to, lateFrom: period.lateFrom }, hazardIds: [], zeroHazard: true, signedBy: principalOf(n), hazards: [] },
      },
    });
  }
  return steps;
}

const months = new Map<string, readonly SelfCheckPeriod[]>();

/** The months from `first` to the one `until` falls in, in TIME_ZONE; the same for nearly every unit, so kept (luxon's zones are slow). */
function monthsFrom(first: string, until: number, timeZone: string): readonly SelfCheckPeriod[] {
  const key = `${first}|${until}|${timeZone}`;
  let list = months.get(key);
  if (!list) {
    const periods: SelfCheckPeriod[] = [];
    for (let period = selfCheckPeriod(first, timeZone); Date.parse(period.from) <= until; ) {
      periods.push(period);
      period = selfCheckPeriod(selfCheckPeriodOf(new Date(Date.parse(period.to) + DAY_MS).toISOString(), 'month', timeZone), timeZone);
    }
    months.set(key, (list = periods));
  }
  return list;
}
