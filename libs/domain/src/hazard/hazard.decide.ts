import { HazardCommand } from './hazard.commands';
import { HazardEvent } from './hazard.events';
import { HazardNotFoundError } from './hazard.errors';
import { HazardState } from './hazard.state';
import { applyForClosure, markClosureReviewOverdue } from './decisions/closure.decisions';
import { decideExtension, markOverdue, requestExtension } from './decisions/deadline.decisions';
import { assign, rectify, reopen, submitPlan, verify } from './decisions/rectification.decisions';
import { report } from './decisions/report.decision';
import { numberDocument, recordServed, recordSigned } from './decisions/supervision-document.decisions';
import { impose, lift, reclassify } from './decisions/supervision.decisions';

/** The whole decision: which events a command produces in a state, or a DomainError saying why not. */
export function decide(command: HazardCommand, state: HazardState): HazardEvent[] {
  if (command.type === 'ReportHazard') return report(command, state);
  if (!state.exists) throw new HazardNotFoundError(command.hazardId);
  switch (command.type) {
    case 'AssignRectification':
      return assign(command, state);
    case 'SubmitRemediationPlan':
      return submitPlan(command, state);
    case 'RequestExtension':
      return requestExtension(command, state);
    case 'DecideExtension':
      return decideExtension(command, state);
    case 'SubmitRectification':
      return rectify(command, state);
    case 'VerifyRectification':
      return verify(command, state);
    case 'ReopenHazard':
      return reopen(command, state);
    case 'MarkOverdue':
      return markOverdue(command, state);
    case 'ImposeSupervision':
      return impose(command, state);
    case 'LiftSupervision':
      return lift(command, state);
    case 'ReclassifyHazard':
      return reclassify(command, state);
    case 'ApplyForClosure':
      return applyForClosure(command, state);
    case 'MarkClosureReviewOverdue':
      return markClosureReviewOverdue(command, state);
    case 'NumberSupervisionDocument':
      return numberDocument(command, state);
    case 'RecordNoticeServed':
      return recordServed(command, state);
    case 'RecordNoticeSigned':
      return recordSigned(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}
