import { accountabilityTrail } from './accountability-trail';
import { assigned, fact, found, fromTheFuture, rectified, stream, trailOf, unsupervised } from './testing/trail.mother';
import { supervisor, system } from '../testing/hazard.mother';

/** A trail is computed from facts as stored, old and new: it never throws on one, as `evolve` never does. */
describe('trail: whatever the history holds', () => {
  const NOW = '2026-04-01T00:00:00+08:00';
  const history = [found('2026-03-01T08:00:00+08:00'), assigned('2026-03-01T10:00:00+08:00'), rectified('2026-03-05T10:00:00+08:00')];

  it('given no events, then an empty trail', () => {
    expect(accountabilityTrail([], { now: NOW, lateReportHours: 24 })).toStrictEqual({
      hazardId: null,
      asOf: NOW,
      lateReportHours: 24,
      reporting: null,
      refindings: [],
      cycles: [],
      supervision: [],
    });
  });

  it('given events of unknown types anywhere, then they are ignored', () => {
    const withUnknown = [fromTheFuture('2026-03-01T07:00:00+08:00'), history[0]!, fromTheFuture('2026-03-02T00:00:00+08:00'), ...history.slice(1)];

    expect(trailOf(withUnknown, NOW)).toStrictEqual(trailOf(history, NOW));
  });

  it('given events handed over out of order, then they are replayed by revision', () => {
    const events = stream(...history);

    expect(accountabilityTrail([...events].reverse(), { now: NOW, lateReportHours: 24 })).toStrictEqual(trailOf(history, NOW));
  });

  it('given events before the first report, then they are ignored, as evolve ignores them', () => {
    const [cycle] = trailOf([rectified('2026-02-28T10:00:00+08:00'), ...history], NOW).cycles;

    expect(cycle?.rectifications).toHaveLength(1);
  });

  it('given a known event with no data or data of the wrong shape, then nothing throws', () => {
    const broken = [
      ...history,
      fact('2026-03-06T00:00:00+08:00', supervisor, { type: 'HazardVerified', data: null }),
      fact('2026-03-07T00:00:00+08:00', supervisor, { type: 'DeadlineExtended', data: 'approved' }),
      fact('2026-03-08T00:00:00+08:00', system, { type: 'RectificationOverdue', data: {} }),
    ];

    const trail = trailOf(broken, NOW);
    // The verification is still a fact: its time and actor come from the envelope.
    expect(trail.cycles[0]?.verification).toMatchObject({ at: '2026-03-06T00:00:00+08:00', by: supervisor.userId, held: true });
    expect(trail.cycles[0]?.overdue).toHaveLength(1);
  });

  it('given supervision lifted with no imposition in the history, then the lift is listed without a level', () => {
    const trail = trailOf([...history, unsupervised('2026-03-10T00:00:00+08:00', { reason: '解除' })], NOW);

    expect(trail.supervision).toStrictEqual([
      { action: 'lifted', occurrence: 1, reason: '解除', department: 'dept-gas', by: supervisor.userId, at: '2026-03-10T00:00:00+08:00' },
    ]);
  });
});
