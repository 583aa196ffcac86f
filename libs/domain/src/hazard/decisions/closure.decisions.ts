import { ApplyForClosure, MarkClosureReviewOverdue } from '../hazard.commands';
import { ClosureReviewed, HazardEvent } from '../hazard.events';
import { IllegalTransitionError, RuleViolationError } from '../hazard.errors';
import { addDays, DEFAULT_HAZARD_RULES } from '../hazard-rules';
import { ClosureApplication, ExistingHazard } from '../hazard.state';
import { allowedIn, withAssignment } from './decision-guards';

/** 销号 (16号令 Art. 18, 23): the unit's application with an assessment, reviewed within CLOSURE_REVIEW_DAYS. */
export function applyForClosure({ data, actor, now, rules }: ApplyForClosure, s: ExistingHazard): HazardEvent[] {
  allowedIn('ApplyForClosure', s.status, ['rectified']);
  if (s.closureApplication) throw new IllegalTransitionError('ApplyForClosure', s.status, 'a closure application is already pending');
  if (s.level !== 'major') {
    throw new RuleViolationError('HAZARD.CLOSURE_ONLY_FOR_MAJOR', 'closure (销号) is applied for major hazards only', { level: s.level });
  }
  const reviewDays = (rules ?? DEFAULT_HAZARD_RULES).closureReviewDays;
  return [
    {
      type: 'ClosureApplied',
      data: {
        assessedBy: data.assessedBy,
        assessor: data.assessor ?? null,
        summary: data.summary,
        evidence: [...data.evidence],
        resumeProduction: data.resumeProduction,
        appliedBy: actor.userId,
        appliedAt: now,
        reviewDeadline: addDays(now, reviewDays),
        occurrence: s.occurrence,
      },
    },
  ];
}

export function markClosureReviewOverdue({ now }: MarkClosureReviewOverdue, s: ExistingHazard): HazardEvent[] {
  const pending = s.closureApplication;
  if (!pending) throw new IllegalTransitionError('MarkClosureReviewOverdue', s.status, 'no closure application is pending');
  if (Date.parse(now) <= Date.parse(pending.reviewDeadline)) {
    throw new RuleViolationError('HAZARD.CLOSURE_REVIEW_NOT_DUE', `the review deadline ${pending.reviewDeadline} has not passed`);
  }
  if (pending.reviewOverdue) {
    throw new RuleViolationError('HAZARD.CLOSURE_REVIEW_ALREADY_OVERDUE', `the review of the application of ${pending.appliedAt} is already recorded as overdue`);
  }
  return [
    {
      type: 'ClosureReviewOverdue',
      data: {
        appliedAt: pending.appliedAt,
        reviewDeadline: pending.reviewDeadline,
        detectedAt: now,
        chargedTo: withAssignment('MarkClosureReviewOverdue', s).supervisingDepartment,
        occurrence: s.occurrence,
      },
    },
  ];
}

/** What a verification records of the application it consumes; a review after the deadline still counts. */
export function closureReviewed(application: ClosureApplication | undefined, now: string): ClosureReviewed | null {
  if (!application) return null;
  const { appliedAt, assessedBy, resumeProduction, reviewDeadline } = application;
  return { appliedAt, assessedBy, resumeProduction, reviewDeadline, reviewOverdue: Date.parse(now) > Date.parse(reviewDeadline) };
}
