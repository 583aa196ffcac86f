import { addDays } from '../hazard/hazard-rules';
import { DEFAULT_TIP_RULES, TipCommand } from './tip.commands';
import { TipError, tipIllegal } from './tip.errors';
import { TipEvent } from './tip.events';
import { ExistingTip, TipState } from './tip.state';
import { rewardYuan, TipStatus } from './tip.values';

const OPEN: readonly TipStatus[] = ['accepted', 'assigned', 'review-requested'];

/** The tip procedure (DESIGN.md "Citizen reports (举报)"): which events a command produces, or why not. */
export function decideTip(command: TipCommand, state: TipState): TipEvent[] {
  const rules = command.rules ?? DEFAULT_TIP_RULES;
  if (command.type === 'SubmitTip') {
    if (state.exists) throw new TipError('TIP.ALREADY_EXISTS', `tip ${command.data.tipNo} already exists`);
    const { codeHash, ...data } = command.data;
    return [{ type: 'TipReceived', data: { tipId: command.tipId, ...data, codeHash, receivedAt: command.now, verifyDueAt: addDays(command.now, rules.verifyDays) } }];
  }
  if (!state.exists) throw new TipError('TIP.NOT_FOUND', `tip ${command.tipId} does not exist`);
  const s = state;
  const by = command.actor.userId;
  const { now } = command;
  switch (command.type) {
    case 'AcceptTip':
      allowed(command.type, s, ['received']);
      return [{ type: 'TipAccepted', data: { note: command.data.note, by } }];
    case 'RejectTip':
      allowed(command.type, s, ['received', 'review-requested']);
      return [{ type: 'TipRejected', data: { ...command.data, by, feedbackDueAt: addDays(now, rules.feedbackDays) } }];
    case 'AssignTip':
      allowed(command.type, s, OPEN);
      return [{ type: 'TipAssigned', data: { ...command.data, by } }];
    case 'RecordTipVerification': {
      allowed(command.type, s, OPEN);
      const { substantiated, hazardIds, findings, linked } = command.data;
      if (substantiated !== hazardIds.length > 0) {
        throw new TipError('TIP.SUBSTANTIATION_MISMATCH', 'a tip is substantiated exactly when at least one hazard was found for it', { substantiated, hazards: hazardIds.length });
      }
      const unlinked = hazardIds.find((id) => !linked.includes(id));
      if (unlinked) throw new TipError('TIP.HAZARD_NOT_LINKED', `hazard ${unlinked} has no finding with tipNo ${s.tipNo}`, { hazardId: unlinked });
      return [{ type: 'TipVerified', data: { substantiated, hazardIds: [...hazardIds], findings, by, feedbackDueAt: addDays(now, rules.feedbackDays) } }];
    }
    case 'NotifyReporter':
      allowed(command.type, s, ['verified', 'rejected', 'answered']);
      return [{ type: 'ReporterNotified', data: { text: command.data.text, by, at: now, onTime: s.feedbackDueAt === null || Date.parse(now) <= Date.parse(s.feedbackDueAt) } }];
    case 'RequestTipReview':
      allowed(command.type, s, ['answered']);
      if (s.reviewRequested) throw tipIllegal(command.type, s.status, 'a review was already requested');
      return [{ type: 'TipReviewRequested', data: { reason: command.data.reason, at: now, verifyDueAt: addDays(now, rules.verifyDays) } }];
    case 'DecideReward':
      return decideReward(s, command.data.penaltyYuan, by);
    case 'MarkTipOverdue':
      return markOverdue(s, now, 'verify');
    case 'MarkTipFeedbackOverdue':
      return markOverdue(s, now, 'feedback');
    case 'ViewReporterIdentity':
      identityHeld(s);
      return [{ type: 'ReporterIdentityViewed', data: { reason: command.data.reason, by, at: now } }];
    case 'EraseReporterIdentity':
      identityHeld(s);
      return [{ type: 'ReporterIdentityErased', data: { reason: command.data.reason, by, at: now } }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unhandled)}`);
    }
  }
}

function allowed(command: string, s: ExistingTip, statuses: readonly TipStatus[]): void {
  if (!statuses.includes(s.status)) throw tipIllegal(command, s.status);
}

function decideReward(s: ExistingTip, penaltyYuan: number, by: string): TipEvent[] {
  if (s.reward) throw new TipError('TIP.REWARD_ALREADY_DECIDED', `the reward of ${s.tipNo} was already decided`);
  if (!s.verification?.substantiated) throw new TipError('TIP.REWARD_NOT_SUBSTANTIATED', 'only a substantiated tip (查实) is rewarded');
  if (s.anonymous) throw new TipError('TIP.REWARD_NEEDS_REAL_NAME', 'only a real-name tip (实名举报) is rewarded');
  identityHeld(s);
  return [{ type: 'RewardDecided', data: { penaltyYuan, amountYuan: rewardYuan(penaltyYuan), by } }];
}

function identityHeld(s: ExistingTip): void {
  if (s.identity === 'none') throw new TipError('TIP.NO_IDENTITY', `tip ${s.tipNo} is anonymous: it holds no identity`);
  if (s.identity === 'erased') throw new TipError('TIP.IDENTITY_ERASED', `the identity of tip ${s.tipNo} was erased`);
}

/** Once per due time, only while the step it waits for has not happened. */
function markOverdue(s: ExistingTip, now: string, which: 'verify' | 'feedback'): TipEvent[] {
  const due = which === 'verify' ? (['received', ...OPEN].includes(s.status) ? s.verifyDueAt : null) : s.feedbackDueAt;
  if (due === null || Date.parse(now) <= Date.parse(due)) throw new TipError('TIP.NOT_DUE', `nothing of ${s.tipNo} is due by ${now}`);
  const marked = which === 'verify' ? s.overdueMarkedFor : s.feedbackOverdueMarkedFor;
  if (marked === due) throw new TipError('TIP.ALREADY_OVERDUE', `the due time ${due} of ${s.tipNo} is already recorded as missed`);
  const data = { dueAt: due, detectedAt: now };
  return [which === 'verify' ? { type: 'TipOverdue', data } : { type: 'TipFeedbackOverdue', data }];
}
