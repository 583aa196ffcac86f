import { TipEvent } from './tip.events';
import { ExistingTip, TipState } from './tip.state';

/** Applies one tip event; never throws. */
export function evolveTip(state: TipState, event: TipEvent): TipState {
  if (event.type === 'TipReceived') {
    const { codeHash, reporter: _encrypted, ...d } = event.data;
    return {
      exists: true, ...d, codeHash, status: 'received', identity: d.anonymous ? 'none' : 'held',
      feedbackDueAt: null, overdue: false, overdueMarkedFor: null, feedbackOverdueMarkedFor: null, feedback: [], reviewRequested: false,
    };
  }
  return state.exists ? evolveExisting(state, event) : state;
}

function evolveExisting(s: ExistingTip, event: Exclude<TipEvent, { type: 'TipReceived' }>): ExistingTip {
  switch (event.type) {
    case 'TipAccepted':
      return { ...s, status: 'accepted' };
    case 'TipRejected':
      return { ...s, status: 'rejected', overdue: false, feedbackDueAt: event.data.feedbackDueAt };
    case 'TipAssigned': {
      const { by: _by, ...assignment } = event.data;
      return { ...s, status: 'assigned', assignment };
    }
    case 'TipVerified': {
      const { substantiated, hazardIds, findings, feedbackDueAt } = event.data;
      return { ...s, status: 'verified', overdue: false, verification: { substantiated, hazardIds, findings }, feedbackDueAt };
    }
    case 'ReporterNotified':
      return { ...s, status: 'answered', feedbackDueAt: null, feedback: [...s.feedback, { at: event.data.at, text: event.data.text, onTime: event.data.onTime }] };
    case 'TipReviewRequested':
      return { ...s, status: 'review-requested', reviewRequested: true, verifyDueAt: event.data.verifyDueAt, overdue: false };
    case 'RewardDecided':
      return { ...s, reward: { penaltyYuan: event.data.penaltyYuan, amountYuan: event.data.amountYuan } };
    case 'TipOverdue':
      return { ...s, overdue: true, overdueMarkedFor: event.data.dueAt };
    case 'TipFeedbackOverdue':
      return { ...s, feedbackOverdueMarkedFor: event.data.dueAt };
    case 'ReporterIdentityViewed':
      return s;
    case 'ReporterIdentityErased':
      return { ...s, identity: 'erased' };
    default: {
      const unhandled: never = event;
      void unhandled;
      return s;
    }
  }
}
