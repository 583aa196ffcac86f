import { canReadUnit, unitListRegions } from './unit.access';
import { concealmentSignal, isExpectedToReport } from './self-reporting.rules';
import { admin, CREDIT_CODE, gasSupervisor, HAZARD_A, HAZARD_B, inspector, MARCH, otherRectifier, otherRegionSupervisor, rectifier, reviewer, tipOfficer } from './testing/unit.mother';

const unit = { creditCode: CREDIT_CODE, regionCode: '330102' };
const inspection = (hazardId: string, discoveredAt: string) => ({ hazardId, source: 'inspection' as const, discoveredAt });

describe('expected to report (自查自报)', () => {
  it('units of the reporting types registered before the period’s end', () => {
    const types = ['high-risk', 'above-scale', 'crowded-place'] as const;
    expect(isExpectedToReport({ type: 'high-risk', registeredAt: '2026-03-31T23:59:00+08:00' }, MARCH, types)).toBe(true);
    expect(isExpectedToReport({ type: 'high-risk', registeredAt: '2026-04-01T00:00:00+08:00' }, MARCH, types)).toBe(false);
    expect(isExpectedToReport({ type: 'other', registeredAt: '2026-01-01T00:00:00+08:00' }, MARCH, types)).toBe(false);
  });
});

describe('瞒报 signal', () => {
  const findings = [inspection(HAZARD_B, '2026-03-20T10:00:00+08:00'), inspection(HAZARD_A, '2026-03-02T10:00:00+08:00'), inspection('h-april', '2026-04-01T00:00:00+08:00')];

  it('a zero-hazard declaration contradicted by inspection or citizen-report findings in the period', () => {
    expect(concealmentSignal('2026-03', MARCH, { zeroHazard: true }, true, findings)).toEqual({ period: '2026-03', declared: 'zero-hazard', hazardIds: [HAZARD_A, HAZARD_B] });
    expect(concealmentSignal('2026-03', MARCH, { zeroHazard: true }, false, [{ hazardId: HAZARD_A, source: 'citizen-report', discoveredAt: '2026-03-05T08:00:00+08:00' }])).toMatchObject({ hazardIds: [HAZARD_A] });
  });

  it('an expected unit that did not report, while someone else found a hazard of it', () => {
    expect(concealmentSignal('2026-03', MARCH, undefined, true, findings)).toMatchObject({ declared: 'not-reported' });
    expect(concealmentSignal('2026-03', MARCH, undefined, false, findings)).toBeUndefined();
  });

  it('none for a report listing hazards, self-check or monitoring findings, or findings outside the period', () => {
    expect(concealmentSignal('2026-03', MARCH, { zeroHazard: false }, true, findings)).toBeUndefined();
    const others = [{ hazardId: HAZARD_A, source: 'self-check' as const, discoveredAt: '2026-03-05T08:00:00+08:00' }, { hazardId: HAZARD_B, source: 'monitoring' as const, discoveredAt: '2026-03-05T08:00:00+08:00' }];
    expect(concealmentSignal('2026-03', MARCH, { zeroHazard: true }, true, others)).toBeUndefined();
    expect(concealmentSignal('2026-03', MARCH, { zeroHazard: true }, true, [inspection('h-april', '2026-04-01T00:00:00+08:00')])).toBeUndefined();
  });
});

describe('who may read units', () => {
  it('reviewer and admin all; area roles their regions; a rectifier its own unit', () => {
    expect([reviewer, admin, gasSupervisor, inspector, tipOfficer, rectifier].map((actor) => canReadUnit(actor, unit))).toEqual([true, true, true, true, true, true]);
    expect([otherRegionSupervisor, otherRectifier].map((actor) => canReadUnit(actor, unit))).toEqual([false, false]);
  });

  it('lists: all for reviewer and admin, region prefixes for area roles, none (403) for a rectifier', () => {
    expect(unitListRegions(reviewer)).toBeNull();
    expect(unitListRegions(gasSupervisor)).toEqual(['3301']);
    expect(unitListRegions({ ...inspector, regions: ['*'] })).toBeNull();
    expect(unitListRegions(rectifier)).toBeUndefined();
  });
});
