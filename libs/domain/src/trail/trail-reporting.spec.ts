import { found, foundAgain, trailOf, verified } from './testing/trail.mother';

/** 迟报: the delay from discovery to recording, against the configurable limit (LATE_REPORT_HOURS). */
describe('trail: reporting delay', () => {
  const DISCOVERED = '2026-03-01T08:00:00+08:00';
  const NOW = '2026-04-01T08:00:00+08:00';

  it('given a report recorded exactly at the limit, then it is not late (the limit itself is allowed)', () => {
    const trail = trailOf([found('2026-03-02T08:00:00+08:00', { discoveredAt: DISCOVERED })], NOW, 24);

    expect(trail.reporting).toMatchObject({ delayHours: 24, late: false });
  });

  it('given a report one minute past the limit, then it is late: 24 h 1 min = 24.0167 → 24.02', () => {
    const trail = trailOf([found('2026-03-02T08:01:00+08:00', { discoveredAt: DISCOVERED })], NOW, 24);

    expect(trail.reporting).toMatchObject({ delayHours: 24.02, late: true });
  });

  it('given a report ten seconds past the limit, then it is late although the hours round to 24', () => {
    // The flag compares exact times; only the displayed figure is rounded.
    const trail = trailOf([found('2026-03-02T08:00:10+08:00', { discoveredAt: DISCOVERED })], NOW, 24);

    expect(trail.reporting).toMatchObject({ delayHours: 24, late: true });
  });

  it('given a longer configured limit, then the same 36 h delay is on time', () => {
    const history = [found('2026-03-02T20:00:00+08:00', { discoveredAt: DISCOVERED })];

    expect(trailOf(history, NOW, 24).reporting).toMatchObject({ delayHours: 36, late: true });
    expect(trailOf(history, NOW, 48).reporting).toMatchObject({ delayHours: 36, late: false });
  });

  it('given times in different offsets, then the delay is between instants, not clock readings', () => {
    // 2026-03-01T08:00+08:00 is 2026-03-01T00:00Z: recorded 2 h later in UTC.
    const trail = trailOf([found('2026-03-01T02:00:00Z', { discoveredAt: DISCOVERED })], NOW);

    expect(trail.reporting).toMatchObject({ discoveredAt: DISCOVERED, recordedAt: '2026-03-01T02:00:00Z', delayHours: 2, late: false });
  });

  it('given a report after verification recorded late, then that re-finding carries its own flag', () => {
    const trail = trailOf(
      [
        found('2026-03-01T09:00:00+08:00', { discoveredAt: DISCOVERED }),
        verified('2026-03-10T09:00:00+08:00'),
        foundAgain('2026-03-23T09:00:00+08:00', { previousStatus: 'verified', occurrence: 2, discoveredAt: '2026-03-20T09:00:00+08:00' }),
      ],
      NOW,
    );

    expect(trail.reporting).toMatchObject({ delayHours: 1, late: false });
    expect(trail.refindings).toMatchObject([{ occurrence: 2, newCycle: true, delayHours: 72, late: true }]);
  });

  it('given an unreadable discovery time, then the delay is null and not flagged, and nothing throws', () => {
    const trail = trailOf([found('2026-03-01T09:00:00+08:00', { discoveredAt: 'yesterday' })], NOW);

    expect(trail.reporting).toMatchObject({ delayHours: null, late: false });
  });
});
