import { HazardEvent } from './hazard.events';

const LEVEL: Record<string, string> = { general: '一般', major: '重大' };

/**
 * One line a reviewer can paste into a report (时间线): what happened, in the users' words. Unknown event
 * types (from a newer version) are named rather than dropped.
 */
export function describeEvent(event: { type: string; data: unknown }): string {
  const e = event as HazardEvent;
  switch (e.type) {
    case 'HazardFound':
      return `发现${LEVEL[e.data.level] ?? e.data.level}隐患 found ${e.data.level} hazard: ${e.data.unitName} ${e.data.location} [${e.data.categoryCode}] ${e.data.description} (discovered ${e.data.discoveredAt}, source ${e.data.source})`;
    case 'HazardFoundAgain':
      return e.data.previousStatus === 'verified'
        ? `验收后再次发现 found again after verification: cycle ${e.data.occurrence} opened — ${e.data.description}`
        : `复查仍存在 found again while ${e.data.previousStatus} (repeat finding ${e.data.repeatFindings}) — ${e.data.description}`;
    case 'RectificationAssigned':
      return `${e.data.reassignment ? '重新交办 reassigned' : '交办整改 assigned'} to ${e.data.responsibleUnitId} (${e.data.responsiblePerson}), supervised by ${e.data.supervisingDepartment}, deadline ${e.data.deadline}`;
    case 'RemediationPlanSubmitted':
      return `提交治理方案 remediation plan submitted: ${e.data.goals}`;
    case 'DeadlineExtensionRequested':
      return `申请延期 extension requested: ${e.data.currentDeadline} → ${e.data.newDeadline} (${e.data.reason})`;
    case 'DeadlineExtended':
      return `批准延期 extension granted: ${e.data.previousDeadline} → ${e.data.newDeadline} (${e.data.reason})`;
    case 'DeadlineExtensionDenied':
      return `不予延期 extension to ${e.data.requestedDeadline} denied (${e.data.reason})`;
    case 'HazardRectified':
      return `整改完成 rectified by ${e.data.responsibleUnitId}, completed ${e.data.completedAt} (${e.data.onTime ? 'on time' : `late; deadline ${e.data.deadline}`}): ${e.data.measures}`;
    case 'HazardVerified':
      return `验收通过 verification passed: ${e.data.notes}`;
    case 'VerificationFailed':
      return `验收不通过 verification failed: ${e.data.notes}`;
    case 'HazardReopened':
      return `重新打开 reopened, cycle ${e.data.occurrence}: ${e.data.reason}`;
    case 'RectificationOverdue':
      return `逾期未整改 overdue: deadline ${e.data.deadline} passed, responsible ${e.data.responsibleUnitId}`;
    case 'SupervisionImposed':
      return `挂牌督办 placed under ${e.data.authorityLevel}-level supervision by ${e.data.department} (reason ${e.data.reason})`;
    case 'SupervisionLifted':
      return `解除督办 supervision lifted (${e.data.reason})`;
    case 'HazardLevelChanged':
      return `隐患等级调整 level changed ${e.data.from} → ${e.data.to}: ${e.data.reason}`;
    default:
      return `${(event as { type: string }).type}`;
  }
}
