import { fold } from '../testing/decider-spec';
import {
  aHazard,
  aMajorHazard,
  DEADLINE,
  DISCOVERED_AT,
  EXTENDED_DEADLINE,
  HAZARD_ID,
  deadlineExtended,
  hazardFound,
  hazardRectified,
  hazardReopened,
  hazardVerified,
  KEY,
  PLAN,
  rectificationAssigned,
  REGION_CODE,
  SECTOR,
  UNIT_ID,
} from '../testing/hazard.mother';
import { HazardEvent } from './hazard.events';
import { evolve } from './hazard.evolve';
import { initialState } from './hazard.state';

/** An event written by a newer version of the service, which this one does not know. */
const fromTheFuture = { type: 'HazardPhotographedByDrone', data: { altitude: 120 } } as unknown as HazardEvent;

describe('evolve', () => {
  it('starts from a hazard that does not exist', () => {
    expect(initialState()).toEqual({ exists: false });
  });

  it('HazardFound: a found hazard of cycle 1, nothing assigned, not overdue, not supervised', () => {
    expect(fold([hazardFound()])).toEqual({
      exists: true,
      hazardId: HAZARD_ID,
      ...KEY,
      unitName: '某某燃气有限公司',
      sector: SECTOR,
      regionCode: REGION_CODE,
      gridId: null,
      basisCode: null,
      level: 'general',
      source: 'inspection',
      description: '调压箱锈蚀严重，存在漏气风险',
      discoveredAt: DISCOVERED_AT,
      status: 'found',
      occurrence: 1,
      repeatFindings: 0,
      overdue: false,
      underSupervision: false,
      extensionCount: 0,
      assignedUnitIds: [],
      tipNos: [],
      selfReported: false,
      documentNumbers: {},
    });
  });

  describe('never throws', () => {
    it('ignores an unknown event type on an existing hazard', () => {
      const before = fold(aHazard().assigned().events);

      expect(() => evolve(before, fromTheFuture)).not.toThrow();
      expect(evolve(before, fromTheFuture)).toBe(before);
    });

    it('ignores an unknown event type before the hazard exists', () => {
      const before = initialState();

      expect(evolve(before, fromTheFuture)).toBe(before);
    });

    it('ignores events of a stream whose HazardFound it has not seen', () => {
      expect(fold([hazardRectified()])).toEqual({ exists: false });
    });

    it('applies a fact the current rules would refuse (a verification without a rectification)', () => {
      expect(fold([hazardFound(), hazardVerified()])).toMatchObject({ status: 'verified' });
    });
  });

  it('does not mutate the state it is given', () => {
    const before = deepFreeze(fold(aHazard().overdue().extensionRequested().events));

    expect(() => [rectificationAssigned(), deadlineExtended(), hazardRectified(), hazardReopened()].reduce(evolve, before)).not.toThrow();
    expect(before).toMatchObject({ status: 'found', overdue: true, pendingExtension: { newDeadline: EXTENDED_DEADLINE } });
  });

  it('replays a whole life: extension, overdue, failed and passed verification, supervision, and a second cycle', () => {
    const history = aMajorHazard()
      .supervised({ authorityLevel: 'city' })
      .assigned()
      .planned()
      .overdue()
      .extensionRequested()
      .extended()
      .rectified({ deadline: EXTENDED_DEADLINE })
      .failedVerification()
      .rectified({ deadline: EXTENDED_DEADLINE })
      .verified()
      .unsupervised()
      .foundAgain();

    const state = fold(history.events);

    expect(state).toMatchObject({ status: 'reopened', occurrence: 2, repeatFindings: 1, extensionCount: 1, underSupervision: false, overdue: false });
    expect(state).toMatchObject({ assignment: undefined, deadline: undefined, plan: undefined, lastRectification: undefined, overdueDeadline: undefined });
  });

  it('keeps what the cycle needs across a failed verification', () => {
    const state = fold(aMajorHazard().assigned().planned().rectified().failedVerification().events);

    expect(state).toMatchObject({ status: 'reopened', occurrence: 1, plan: PLAN, assignment: { responsibleUnitId: UNIT_ID }, deadline: DEADLINE });
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') Object.values(Object.freeze(value)).forEach(deepFreeze);
  return value;
}
