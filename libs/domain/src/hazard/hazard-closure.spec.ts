import { given } from '../testing/decider-spec';
import {
  admin,
  AFTER_REVIEW_DEADLINE,
  aHazard,
  aMajorHazard,
  anActor,
  APPLIED_AT,
  applyForClosure,
  ASSIGNMENT,
  closureApplied,
  closureReviewOverdue,
  hazardVerified,
  markClosureReviewOverdue,
  otherRectifier,
  REVIEW_DEADLINE,
  supervisor,
  verificationFailed,
  verifyRectification,
} from '../testing/hazard.mother';
import { authorize } from './access-policy';
import { HazardCommand } from './hazard.commands';
import { AuthorityInsufficientError, ForbiddenError, IllegalTransitionError, RuleViolationError } from './hazard.errors';
import { DEFAULT_HAZARD_RULES, HazardRules } from './hazard-rules';
import { HazardState } from './hazard.state';

/** DESIGN.md "Closing a major hazard (销号, 16号令 Art. 18, 23)". */
const rectifiedMajor = aMajorHazard().assigned().planned().rectified();
const applied = rectifiedMajor.closureApplied();
const citySupervised = aMajorHazard().supervised({ authorityLevel: 'city' }).assigned().planned().rectified().closureApplied();
const rules = (overrides: Partial<HazardRules>): HazardRules => ({ ...DEFAULT_HAZARD_RULES, ...overrides });
const authorizeOn = (state: HazardState, command: HazardCommand) => () => authorize(command, state);

describe('ApplyForClosure (销号申请)', () => {
  it('records the application with its assessment; the review is due 240 h later, fixed in the event', () => {
    given(rectifiedMajor.events).when(applyForClosure()).then([closureApplied({ appliedAt: APPLIED_AT, reviewDeadline: REVIEW_DEADLINE })]);
    expect(Date.parse(REVIEW_DEADLINE) - Date.parse(APPLIED_AT)).toBe(240 * 3_600_000);
  });

  it('takes CLOSURE_REVIEW_DAYS from the rules, decimals allowed', () => {
    const [event] = given(rectifiedMajor.events).when({ ...applyForClosure(), rules: rules({ closureReviewDays: 0.5 }) }).thenDecides('ClosureApplied');
    expect(event?.data).toMatchObject({ reviewDeadline: new Date(Date.parse(APPLIED_AT) + 12 * 3_600_000).toISOString() });
  });

  it('is for major hazards only (422 HAZARD.CLOSURE_ONLY_FOR_MAJOR)', () => {
    given(aHazard().assigned().rectified().events).when(applyForClosure()).then(RuleViolationError, { code: 'HAZARD.CLOSURE_ONLY_FOR_MAJOR' });
  });

  it('is refused before the rectification and while one is pending (409)', () => {
    given(aMajorHazard().assigned().planned().events).when(applyForClosure()).then(IllegalTransitionError, { message: /while the hazard is assigned/ });
    given(applied.events).when(applyForClosure()).then(IllegalTransitionError, { message: /already pending/ });
  });

  it('is the assigned unit’s: another unit’s rectifier is 403', () => {
    expect(authorizeOn(given(rectifiedMajor.events).state, applyForClosure({}, { actor: otherRectifier }))).toThrow(ForbiddenError);
  });
});

describe('VerifyRectification of a major hazard needs the application', () => {
  it('passed without an application is 422 HAZARD.CLOSURE_REQUIRED', () => {
    given(rectifiedMajor.events).when(verifyRectification()).then(RuleViolationError, { code: 'HAZARD.CLOSURE_REQUIRED' });
  });

  it('passed with one records the application it consumed, and whether the review was late', () => {
    given(applied.events)
      .when(verifyRectification())
      .then([hazardVerified({ closure: { appliedAt: APPLIED_AT, assessedBy: 'experts', resumeProduction: true, reviewDeadline: REVIEW_DEADLINE, reviewOverdue: false } })]);
    const [late] = given(applied.events).when(verifyRectification({}, { now: AFTER_REVIEW_DEADLINE })).thenDecides('HazardVerified');
    expect(late?.data).toMatchObject({ closure: { reviewOverdue: true } });
  });

  it('failed needs no application, consumes a pending one, and then passed is 422 again', () => {
    given(rectifiedMajor.events).when(verifyRectification({ passed: false })).thenDecides('VerificationFailed');
    const afterFailure = applied.and(verificationFailed()).rectified();
    expect(given(applied.and(verificationFailed()).events).state).toMatchObject({ status: 'reopened', closureApplication: undefined });
    given(afterFailure.events).when(verifyRectification()).then(RuleViolationError, { code: 'HAZARD.CLOSURE_REQUIRED' });
  });

  it('general hazards are verified as before', () => {
    given(aHazard().assigned().rectified().events).when(verifyRectification()).thenDecides('HazardVerified');
  });

  it('CLOSURE_REQUIRED=false restores the earlier verification of major hazards', () => {
    given(rectifiedMajor.events).when({ ...verifyRectification(), rules: rules({ closureRequired: false }) }).thenDecides('HazardVerified');
    const state = given(citySupervised.events).state;
    expect(authorizeOn(state, { ...verifyRectification(), rules: rules({ closureRequired: false }) })).not.toThrow();
  });
});

describe('closing by the level that imposed the 挂牌督办 (ACCESS.AUTHORITY_INSUFFICIENT)', () => {
  const state = given(citySupervised.events).state;

  it.each([
    ['a county authority', anActor({ authority: 'county' })],
    ['no authority', anActor({ authority: undefined })],
  ])('under city supervision %s is 403 with the levels in details', (_, actor) => {
    const error = (() => {
      try {
        authorize(verifyRectification({}, { actor }), state);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AuthorityInsufficientError);
    expect(error).toMatchObject({ code: 'ACCESS.AUTHORITY_INSUFFICIENT', details: { required: 'city', authority: actor.authority ?? null } });
  });

  it.each([
    ['city', anActor({ authority: 'city' })],
    ['province', anActor({ authority: 'province' })],
    ['an admin without one', admin],
  ])('%s passes', (_, actor) => {
    expect(authorizeOn(state, verifyRectification({}, { actor }))).not.toThrow();
  });

  it('a failed verification needs no authority', () => {
    expect(authorizeOn(state, verifyRectification({ passed: false }, { actor: anActor({ authority: undefined }) }))).not.toThrow();
  });

  it('a county supervisor closes a county-supervised hazard', () => {
    const county = given(aMajorHazard().supervised({ authorityLevel: 'county' }).assigned().planned().rectified().closureApplied().events).state;
    expect(authorizeOn(county, verifyRectification({}, { actor: supervisor }))).not.toThrow();
  });
});

describe('MarkClosureReviewOverdue (销号审查超期)', () => {
  it('fires 1 ms after the review deadline, charged to the supervising department', () => {
    given(applied.events).when(markClosureReviewOverdue()).then([closureReviewOverdue({ detectedAt: AFTER_REVIEW_DEADLINE, chargedTo: ASSIGNMENT.supervisingDepartment })]);
  });

  it('not at the deadline', () => {
    given(applied.events).when(markClosureReviewOverdue({ now: REVIEW_DEADLINE })).then(RuleViolationError, { code: 'HAZARD.CLOSURE_REVIEW_NOT_DUE' });
  });

  it('once per application', () => {
    given(applied.closureReviewOverdue().events).when(markClosureReviewOverdue()).then(RuleViolationError, { code: 'HAZARD.CLOSURE_REVIEW_ALREADY_OVERDUE' });
  });

  it('never after the verification', () => {
    given(applied.verified().events).when(markClosureReviewOverdue()).then(IllegalTransitionError, { message: /no closure application is pending/ });
  });
});
