import { accountabilityTrail, replayTrail } from './accountability-trail';
import { stream } from './testing/trail.mother';
import { NOW, SUPERVISED, TWO_CYCLE_HISTORY } from './testing/two-cycle-history';

/** A reader replays a history once and reads it at many times: each reading must be the one-shot trail's. */
describe('replayTrail', () => {
  const events = stream(...TWO_CYCLE_HISTORY);

  it('given one replay read at several times, in any order, then each equals the trail computed for that time alone', () => {
    const replayed = replayTrail(events, 24);
    const times = [NOW, SUPERVISED, '2026-06-30T00:00:00Z', NOW];

    for (const now of times) expect(replayed.at(now)).toStrictEqual(accountabilityTrail(events, { now, lateReportHours: 24 }));
  });

  it('given a reading changed by its caller, then later readings are not', () => {
    const replayed = replayTrail(events, 24);
    const first = replayed.at(NOW) as unknown as { cycles: { deadlines: unknown[] }[]; refindings: unknown[] };
    first.cycles[0]!.deadlines.length = 0;
    first.refindings.length = 0;

    expect(replayed.at(NOW)).toStrictEqual(accountabilityTrail(events, { now: NOW, lateReportHours: 24 }));
  });
});
