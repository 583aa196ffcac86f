import { given } from '../testing/decider-spec';
import { aHazard, inspector, OTHER_UNIT_ID, otherRectifier, rectifier, reportHazard, UNIT_ID } from '../testing/hazard.mother';
import { Actor } from '../shared/actor';

/** DESIGN.md "Enterprise registry and self-reporting": a rectifier may report its own unit's self-check findings, registered or not. */
describe('access policy: a rectifier reports its own self-check findings (自查)', () => {
  const selfCheck = (actor: Actor, unitId = UNIT_ID) => reportHazard({ unitId, source: 'self-check' }, { actor });

  it('for its own unitId with source self-check: a new hazard and a repeat finding', () => {
    given([]).when(selfCheck(rectifier)).thenAuthorized();
    given(aHazard({ source: 'self-check' }).events).when(selfCheck(rectifier)).thenAuthorized();
    given(aHazard().assigned().events).when(selfCheck(rectifier)).thenAuthorized();
  });

  it('not for another unit (403)', () => {
    given([]).when(selfCheck(rectifier, OTHER_UNIT_ID)).thenForbidden(/own unit's findings \(unitId UNIT-GASCO\) with source self-check/);
    given([]).when(selfCheck(otherRectifier)).thenForbidden();
  });

  it.each(['inspection', 'citizen-report', 'monitoring', 'media', 'other'] as const)('not with source %s (403)', (source) => {
    given([]).when(reportHazard({ source }, { actor: rectifier })).thenForbidden(/source self-check/);
  });

  it('not without a unitId claim', () => {
    given([]).when(selfCheck({ ...rectifier, unitId: undefined })).thenForbidden(/unitId \(none\)/);
  });

  it('a rectifier that is also an inspector still reports inspections in its sectors and regions', () => {
    const inspectingRectifier: Actor = { ...rectifier, roles: ['inspector', 'rectifier'], sectors: inspector.sectors, regions: inspector.regions };

    given([]).when(reportHazard({ unitId: OTHER_UNIT_ID }, { actor: inspectingRectifier })).thenAuthorized();
    given([]).when(reportHazard({ unitId: OTHER_UNIT_ID, regionCode: '330203' }, { actor: inspectingRectifier })).thenForbidden(/region 330203/);
  });
});
