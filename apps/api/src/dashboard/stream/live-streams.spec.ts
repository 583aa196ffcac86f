import { Actor } from '@hazard/domain';
import { ProjectedChange } from '../read-models/projection-events';
import { mayReceive } from './live-streams';

const actor = (roles: Actor['roles'], more: Partial<Actor> = {}): Actor => ({ userId: 'u', departmentId: 'd', roles, ...more });
const change = (readable?: ProjectedChange['readable']): ProjectedChange => ({ position: 1, hazardId: 'h', type: 'RectificationAssigned', occurredAt: '2026-03-01T00:00:00Z', readable });
const gasHazard = { sector: 'gas', regionCode: '330102', unitId: 'UNIT-A', assignedUnitIds: ['UNIT-B'], selfReported: false };

describe('mayReceive: which /stream connections get a change', () => {
  it.each<[string, Actor, boolean]>([
    ['a reviewer', actor(['reviewer']), true],
    ['a gas inspector of 3301', actor(['inspector'], { sectors: ['gas'], regions: ['3301'] }), true],
    ['a fire supervisor', actor(['supervisor'], { sectors: ['fire'], regions: ['*'] }), false],
    ['the rectifier of the unit it is assigned to', actor(['rectifier'], { unitId: 'UNIT-B' }), true],
    ['the rectifier of the hazard’s own unit, which did not report it', actor(['rectifier'], { unitId: 'UNIT-A' }), false],
  ])('%s: %s', (_, reader, expected) => {
    expect(mayReceive(reader, change(gasHazard))).toBe(expected);
  });

  it('a change of a hazard the read models do not hold goes to readers of everything only', () => {
    expect(mayReceive(actor(['admin']), change())).toBe(true);
    expect(mayReceive(actor(['inspector'], { sectors: ['*'], regions: ['*'] }), change())).toBe(false);
  });
});
