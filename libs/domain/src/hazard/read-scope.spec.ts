import { given } from '../testing/decider-spec';
import { admin, aHazard, fireSupervisor, inspector, otherRectifier, otherRegionSupervisor, rectifier, reviewer, supervisor, tipOfficer, UNIT_ID } from '../testing/hazard.mother';
import { Actor } from '../shared/actor';
import { canRead, readScopeOf, rectifierUnitsOf } from './read-scope';
import { ExistingHazard } from './hazard.state';

const stateOf = (history: { events: Parameters<typeof given>[0] }) => given(history.events).state as ExistingHazard;
const found = stateOf(aHazard());
const assignedToOther = stateOf(aHazard().assigned({ responsibleUnitId: 'UNIT-OTHER' }));
const reassignedAway = stateOf(aHazard().assigned().reassigned({ responsibleUnitId: 'UNIT-OTHER' }));
const selfReported = stateOf(aHazard({ source: 'self-check' }));

describe('canRead: who may read which hazard', () => {
  it.each<[string, Actor, ExistingHazard, boolean]>([
    ['a reviewer, anything', reviewer, assignedToOther, true],
    ['an admin, anything', admin, assignedToOther, true],
    ['an inspector in its sectors and regions', inspector, found, true],
    ['a supervisor of another sector', fireSupervisor, found, false],
    ['a supervisor of another region', otherRegionSupervisor, found, false],
    ['a tip officer in its regions', tipOfficer, found, true],
    ['a rectifier, a hazard never assigned to its unit', rectifier, found, false],
    ['a rectifier, a hazard assigned to another unit', rectifier, assignedToOther, false],
    ['a rectifier, a hazard assigned to its unit before a reassignment', rectifier, reassignedAway, true],
    ['another unit’s rectifier, the hazard reassigned to it', { ...otherRectifier, unitId: 'UNIT-OTHER' }, reassignedAway, true],
    ['a rectifier, its unit’s own self-check report', rectifier, selfReported, true],
    ['another unit’s rectifier, that self-check report', otherRectifier, selfReported, false],
  ])('%s: %s', (_, actor, hazard, expected) => {
    expect(canRead(actor, hazard)).toBe(expected);
  });

  it('any role that grants the read is enough', () => {
    expect(canRead({ ...rectifier, roles: ['rectifier', 'inspector'], sectors: ['gas'], regions: ['3301'] }, found)).toBe(true);
  });

  it('the units whose rectifiers may read it: every unit ever made responsible, and its own unit once it reported itself', () => {
    expect(rectifierUnitsOf(found)).toEqual([]);
    expect(rectifierUnitsOf(reassignedAway)).toEqual([UNIT_ID, 'UNIT-OTHER']);
    expect(rectifierUnitsOf(selfReported)).toEqual([UNIT_ID]);
    expect(rectifierUnitsOf(stateOf(aHazard({ source: 'self-check' }).assigned()))).toEqual([UNIT_ID]);
  });

  it('hides the source only from a rectifier without an area role', () => {
    expect(readScopeOf(rectifier)).toEqual({ all: false, unitId: UNIT_ID, hidesSource: true });
    expect(readScopeOf(supervisor)).toMatchObject({ all: false, area: { sectors: ['gas'], regions: ['3301'] }, hidesSource: false });
    expect(readScopeOf(reviewer)).toEqual({ all: true, hidesSource: false });
  });
});
