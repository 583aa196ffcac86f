import { given } from '../testing/decider-spec';
import {
  admin,
  aHazard,
  aHazardIn,
  anActor,
  assignRectification,
  fireSupervisor,
  imposeSupervision,
  inspector,
  OTHER_UNIT_ID,
  otherRectifier,
  otherRegionSupervisor,
  reclassifyHazard,
  rectifier,
  reportHazard,
  requestExtension,
  submitRectification,
  submitRemediationPlan,
  supervisor,
  verifyRectification,
} from '../testing/hazard.mother';

describe('access policy: supervisors act only within their sectors and regions (管行业必须管安全)', () => {
  const found = aHazard().events; // sector gas, region 330102

  it('another sector’s supervisor is refused, naming the sector', () => {
    given(found).when(assignRectification({}, { actor: fireSupervisor })).thenForbidden(/sector gas/);
  });

  it('another region’s supervisor is refused, naming the region', () => {
    given(found).when(assignRectification({}, { actor: otherRegionSupervisor })).thenForbidden(/region 330102/);
  });

  it.each([['33'], ['3301'], ['330102'], ['3302', '3301'], ['*']])('region prefixes %p cover region 330102', (...regions) => {
    given(found).when(assignRectification({}, { actor: anActor({ regions }) })).thenAuthorized();
  });

  it.each([['3302'], ['330103'], ['3301020'], []])('region prefixes %p do not cover region 330102', (...regions) => {
    given(found).when(assignRectification({}, { actor: anActor({ regions }) })).thenForbidden(/region/);
  });

  it('no regions in the token covers nothing', () => {
    given(found).when(assignRectification({}, { actor: anActor({ regions: undefined }) })).thenForbidden(/region/);
  });

  it.each([[['*']], [['fire', 'gas']]])('sectors %j cover the gas sector', (sectors) => {
    given(found).when(reclassifyHazard({}, { actor: anActor({ sectors }) })).thenAuthorized();
  });

  it.each([[[]], [undefined], [['Gas']]])('sectors %j do not cover the gas sector', (sectors) => {
    given(found).when(reclassifyHazard({}, { actor: anActor({ sectors }) })).thenForbidden(/sector gas/);
  });

  it('the scope is the hazard’s, for every supervisor action', () => {
    given(aHazardIn('rectified').events).when(verifyRectification({}, { actor: fireSupervisor })).thenForbidden(/sector/);
    given(found).when(imposeSupervision({}, { actor: otherRegionSupervisor })).thenForbidden(/region/);
  });

  it('an inspector reports only within its sectors and regions (scope from the report itself)', () => {
    given([]).when(reportHazard({}, { actor: inspector })).thenAuthorized();
    given([]).when(reportHazard({ sector: 'fire' }, { actor: inspector })).thenForbidden(/sector fire/);
    given([]).when(reportHazard({ regionCode: '330201' }, { actor: inspector })).thenForbidden(/region 330201/);
  });

  it('an unknown hazard passes the policy so that decide can answer 404', () => {
    given([]).when(assignRectification({}, { actor: fireSupervisor })).thenAuthorized();
  });
});

describe('access policy: admins (安委办) may do any supervisor action anywhere', () => {
  const elsewhere = aHazard({ sector: 'fire', regionCode: '440305' });

  it('with no sectors or regions in the token', () => {
    given(elsewhere.events).when(assignRectification({}, { actor: admin })).thenAuthorized();
    given(elsewhere.assigned().rectified().events).when(verifyRectification({}, { actor: admin })).thenAuthorized();
  });

  it('even with a department-bound scope', () => {
    const gasAdmin = { ...admin, sectors: ['gas'], regions: ['3301'] };

    given(elsewhere.events).when(imposeSupervision({}, { actor: gasAdmin })).thenAuthorized();
  });
});

describe('access policy: rectifiers act only for hazards assigned to their unit', () => {
  it.each([
    ['a plan', submitRemediationPlan],
    ['an extension request', requestExtension],
    ['a rectification', submitRectification],
  ])('the assigned unit may submit %s', (_what, issue) => {
    given(aHazardIn('assigned').events).when(issue({}, { actor: rectifier })).thenAuthorized();
  });

  it.each([
    ['a plan', submitRemediationPlan],
    ['an extension request', requestExtension],
    ['a rectification', submitRectification],
  ])('another unit may not submit %s, and is told so', (_what, issue) => {
    given(aHazardIn('assigned').events).when(issue({}, { actor: otherRectifier })).thenForbidden(/not assigned to your unit UNIT-OTHER/);
  });

  it('a rectifier without a unit may not act at all', () => {
    given(aHazardIn('assigned').events).when(submitRectification({}, { actor: { ...rectifier, unitId: undefined } })).thenForbidden(/not assigned to your unit/);
  });

  it('nobody may act for a hazard not yet assigned', () => {
    given(aHazard().events).when(submitRectification({}, { actor: rectifier })).thenForbidden();
  });

  it('a reassignment moves the right to the new unit', () => {
    const reassigned = aHazard().assigned().reassigned({ responsibleUnitId: OTHER_UNIT_ID }).events;

    given(reassigned).when(submitRectification({}, { actor: rectifier })).thenForbidden();
    given(reassigned).when(submitRectification({}, { actor: otherRectifier })).thenAuthorized();
  });

  it('the unit keeps the right after a failed verification, and loses it in a new cycle', () => {
    given(aHazard().assigned().rectified().failedVerification().events).when(submitRectification({}, { actor: rectifier })).thenAuthorized();
    given(aHazard().assigned().rectified().verified().reopened().events).when(submitRectification({}, { actor: rectifier })).thenForbidden();
  });

  it('sectors and regions do not matter to a rectifier, only the unit', () => {
    given(aHazardIn('assigned').events).when(requestExtension({}, { actor: { ...rectifier, sectors: [], regions: [] } })).thenAuthorized();
  });

  it('a supervisor of the sector may not speak for the unit', () => {
    given(aHazardIn('assigned').events).when(submitRectification({}, { actor: supervisor })).thenForbidden(/roles rectifier/);
  });
});
