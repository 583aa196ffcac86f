import { given } from '../testing/decider-spec';
import {
  aHazardIn,
  assignRectification,
  decideExtension,
  HAZARD_ID,
  imposeSupervision,
  liftSupervision,
  markOverdue,
  reclassifyHazard,
  reopenHazard,
  reportHazard,
  requestExtension,
  submitRectification,
  submitRemediationPlan,
  verifyRectification,
} from '../testing/hazard.mother';
import { HazardCommand, HazardCommandType } from './hazard.commands';
import { HazardEventType } from './hazard.events';
import { HazardNotFoundError, IllegalTransitionError } from './hazard.errors';
import { HazardStatus, STATUSES } from './hazard-values';

/**
 * Closure and notice commands depend on the application, the imposition or the notice as well as the status:
 * hazard-closure.spec.ts and hazard-supervision-document.spec.ts cover them.
 */
type StreamCommand = Exclude<
  HazardCommandType,
  'ReportHazard' | 'ApplyForClosure' | 'MarkClosureReviewOverdue' | 'NumberSupervisionDocument' | 'RecordNoticeServed' | 'RecordNoticeSigned'
>;

/** DESIGN.md's "allowed when" column, and the event each command decides where it is allowed. */
const LIFECYCLE: Record<StreamCommand, { allowedIn: readonly HazardStatus[]; decides: HazardEventType; command: () => HazardCommand }> = {
  AssignRectification: { allowedIn: ['found', 'reopened', 'assigned'], decides: 'RectificationAssigned', command: () => assignRectification() },
  SubmitRemediationPlan: { allowedIn: ['assigned', 'reopened'], decides: 'RemediationPlanSubmitted', command: () => submitRemediationPlan() },
  RequestExtension: { allowedIn: ['assigned'], decides: 'DeadlineExtensionRequested', command: () => requestExtension() },
  DecideExtension: { allowedIn: ['assigned'], decides: 'DeadlineExtended', command: () => decideExtension() },
  SubmitRectification: { allowedIn: ['assigned', 'reopened'], decides: 'HazardRectified', command: () => submitRectification() },
  VerifyRectification: { allowedIn: ['rectified'], decides: 'HazardVerified', command: () => verifyRectification() },
  ReopenHazard: { allowedIn: ['verified'], decides: 'HazardReopened', command: () => reopenHazard() },
  MarkOverdue: { allowedIn: ['assigned', 'reopened'], decides: 'RectificationOverdue', command: () => markOverdue() },
  ImposeSupervision: { allowedIn: ['found', 'assigned', 'rectified', 'reopened'], decides: 'SupervisionImposed', command: () => imposeSupervision({ authorityLevel: 'city' }) },
  LiftSupervision: { allowedIn: ['verified'], decides: 'SupervisionLifted', command: () => liftSupervision() },
  ReclassifyHazard: { allowedIn: ['found', 'assigned', 'rectified', 'reopened'], decides: 'HazardLevelChanged', command: () => reclassifyHazard({ level: 'general' }) },
};

const streamCommands = Object.keys(LIFECYCLE) as StreamCommand[];
const pairs = (allowed: boolean) =>
  streamCommands.flatMap((type) =>
    STATUSES.filter((status) => LIFECYCLE[type].allowedIn.includes(status) === allowed).map((status) => [type, status] as const),
  );

describe('the lifecycle of a hazard', () => {
  describe('an illegal transition is refused with IllegalTransitionError naming the current status (409)', () => {
    it.each(pairs(false))('%s while %s', (type, status) => {
      const error = given(aHazardIn(status).events)
        .when(LIFECYCLE[type].command())
        .then(IllegalTransitionError, { code: 'HAZARD.ILLEGAL_TRANSITION', message: `${type} is not allowed while the hazard is ${status}` });

      expect(error.status).toBe(status);
      expect(error.details).toEqual({ status, command: type });
    });
  });

  describe('an allowed transition decides its event', () => {
    it.each(pairs(true))('%s while %s', (type, status) => {
      given(aHazardIn(status).events).when(LIFECYCLE[type].command()).thenDecides(LIFECYCLE[type].decides);
    });
  });

  it.each(STATUSES)('ReportHazard is never illegal: while %s it is a finding again', (status) => {
    given(aHazardIn(status).events).when(reportHazard()).thenDecides('HazardFoundAgain');
  });

  describe('a command for a hazard that does not exist is HazardNotFoundError (404)', () => {
    it.each(streamCommands)('%s', (type) => {
      given([])
        .when(LIFECYCLE[type].command())
        .then(HazardNotFoundError, { code: 'HAZARD.NOT_FOUND', message: HAZARD_ID });
    });
  });
});
