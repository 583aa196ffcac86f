import fc from 'fast-check';
import { DeadlineSchedule } from './deadline-schedule';
import { overdueByCuts } from './testing/overdue-by-cuts';
import { DeadlineStep } from './trail-time';

/**
 * The schedule answers in O(log steps) what cutting each span at every step answered in O(steps²): the same
 * milliseconds, on histories a replay may hold — clocks out of order, several steps at one instant, unreadable
 * times, deadlines before their own step.
 */
describe('DeadlineSchedule', () => {
  // A small range of instants so that steps, spans and deadlines often coincide.
  const instantMs = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 40 }).map((h) => h * 3_600_000) }, { weight: 1, arbitrary: fc.constant(NaN) });
  const step = fc.record({ at: instantMs, deadline: instantMs });
  const span = fc.tuple(instantMs, instantMs);

  it('given random steps and spans, then every span counts the same overdue ms as the cut-by-cut count', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), fc.array(span, { minLength: 1, maxLength: 20 }), (steps: DeadlineStep[], spans) => {
        const schedule = new DeadlineSchedule(steps);
        for (const [from, until] of spans) expect(schedule.overdueMs(from, until)).toBe(overdueByCuts(from, until, steps));
      }),
      { numRuns: 2_000 },
    );
  });

  it('given an extension granted after the deadline had passed, then the days already overdue stay counted', () => {
    const h = (hours: number) => hours * 3_600_000;
    // Deadline at 10 h; at 15 h it is extended to 20 h: overdue 10 → 15 and 20 → 30.
    const schedule = new DeadlineSchedule([{ at: 0, deadline: h(10) }, { at: h(15), deadline: h(20) }]);

    expect(schedule.overdueMs(0, h(30))).toBe(h(15));
    expect(schedule.overdueMs(h(12), h(18))).toBe(h(3));
  });

  it('given two steps at one instant, then the later in event order is in force, even against an earlier clock', () => {
    const h = (hours: number) => hours * 3_600_000;
    const schedule = new DeadlineSchedule([{ at: h(5), deadline: h(6) }, { at: h(5), deadline: h(8) }, { at: h(2), deadline: h(100) }]);

    // From 5 h the third step (at 2 h, latest in event order) is still the one in force: nothing overdue.
    expect(schedule.overdueMs(0, h(50))).toBe(0);
  });

  it('given no readable step, then nothing is overdue', () => {
    expect(new DeadlineSchedule([{ at: NaN, deadline: 0 }, { at: 0, deadline: NaN }]).overdueMs(0, 3_600_000)).toBe(0);
  });
});
