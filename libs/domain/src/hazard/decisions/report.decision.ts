import { ReportHazard } from '../hazard.commands';
import { HazardEvent } from '../hazard.events';
import { profileOf } from '../hazard-profile';
import { HazardState } from '../hazard.state';
import { TipError } from '../../tip/tip.errors';
import { notInFuture } from './decision-guards';

/** 发现/再次发现: the first report of a key founds the hazard; a later one is a repeat finding or, after verification, a new cycle. */
export function report({ hazardId, data, actor, now, rules }: ReportHazard, state: HazardState): HazardEvent[] {
  notInFuture('discoveredAt', data.discoveredAt, now);
  // A re-report is not checked against the sectors (HazardFoundAgain records none): hazards stored earlier are still found again.
  if (!state.exists) rules?.reference?.checkSector(data.sector);
  if (data.tipNo !== undefined && data.tipOpen !== true) {
    throw new TipError('TIP.NOT_ACCEPTING_HAZARDS', `tip ${data.tipNo} is not open (accepted, assigned or under review): it takes no findings`, { tipNo: data.tipNo });
  }
  const basisCode = data.basisCode ?? null;
  if (basisCode !== null) rules?.reference?.checkBasis(basisCode, state.exists ? state.sector : data.sector, data.discoveredAt);
  if (!state.exists) {
    return [
      {
        type: 'HazardFound',
        data: {
          hazardId,
          ...profileOf(data),
          basisCode,
          tipNo: data.tipNo ?? null,
          evidence: [...data.evidence],
          reportedBy: actor.userId,
          reportingDepartment: actor.departmentId,
        },
      },
    ];
  }
  const newCycle = state.status === 'verified';
  return [
    {
      type: 'HazardFoundAgain',
      data: {
        hazardId: state.hazardId,
        previousStatus: state.status,
        occurrence: newCycle ? state.occurrence + 1 : state.occurrence,
        repeatFindings: state.repeatFindings + 1,
        basisCode,
        tipNo: data.tipNo ?? null,
        source: data.source,
        description: data.description,
        discoveredAt: data.discoveredAt,
        evidence: [...data.evidence],
        reportedBy: actor.userId,
        reportingDepartment: actor.departmentId,
      },
    },
  ];
}
