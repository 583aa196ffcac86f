import { addDays } from '../hazard/hazard-rules';
import { ExistingHazard } from '../hazard/hazard.state';
import { Channel, NotificationRequest, Recipient, Template } from './notice.messages';

export interface LadderPolicy {
  /** NOTIFY_BEFORE_DAYS, e.g. [7, 3, 1]: reminders that many days before the deadline. */
  readonly beforeDays: readonly number[];
  /** ESCALATE_AFTER_DAYS: the 督办函 goes out that long after the deadline, while still overdue. */
  readonly escalateAfterDays: number;
}

/** A recipient and its addresses; no address at all is recorded as channel `none` (NO_CONTACT). */
export interface Addressee extends Recipient {
  readonly email?: string;
  readonly webhookUrl?: string;
}

export interface LadderRecipients {
  /** The responsible unit (its registered contacts). */
  readonly unit: Addressee;
  /** The supervising department (NOTIFY_DIRECTORY). */
  readonly department: Addressee;
  /** 安委办 (NOTIFY_DIRECTORY's safetyCommittee). */
  readonly committee: Addressee;
}

export interface LadderInput {
  readonly hazard: ExistingHazard;
  readonly now: string;
  /** When the deadline in force was set (assignment or extension): a rung before it is skipped. */
  readonly deadlineSetAt: string;
  readonly recipients: LadderRecipients;
  /** dedupeKeys already on the notice stream. */
  readonly requested: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;

/**
 * The escalation ladder as a pure function of the hazard, the time and the recipients: which notices are due
 * now and not yet recorded. Reminders `remind-<d>d` at deadline − d days while the hazard is worked on (after
 * downtime only the latest due one, and none that was already past when the deadline was set); `overdue` once
 * the scheduler recorded the deadline as missed; `escalate` (督办函) ESCALATE_AFTER_DAYS after the deadline, still
 * overdue. A rectification ends the ladder.
 */
export function notificationsDue(input: LadderInput, policy: LadderPolicy): NotificationRequest[] {
  const { hazard, now, recipients } = input;
  const deadline = hazard.deadline;
  const assignment = hazard.assignment;
  const workedOn = hazard.status === 'assigned' || (hazard.status === 'reopened' && assignment !== undefined);
  if (!deadline || !assignment || !workedOn) return [];
  const at = Date.parse(now);
  const due: NotificationRequest[] = [];
  const reminder = latestReminder(deadline, input.deadlineSetAt, at, policy.beforeDays);
  if (reminder !== undefined) due.push(...requests(input, `remind-${reminder}d`, 'deadline-reminder', [recipients.unit], params(hazard, deadline, at)));
  const missed = hazard.overdue && hazard.overdueDeadline === deadline;
  if (missed) due.push(...requests(input, 'overdue', 'overdue-notice', [recipients.unit, recipients.department], params(hazard, deadline, at)));
  if (missed && at >= Date.parse(deadline) + policy.escalateAfterDays * DAY_MS) {
    due.push(...requests(input, 'escalate', 'duban-letter', [recipients.committee], { ...params(hazard, deadline, at), department: recipients.department.name }));
  }
  return due.filter((r) => !input.requested.has(r.dedupeKey));
}

/** The smallest d whose reminder is due by now and was not already past when the deadline was set. */
function latestReminder(deadline: string, setAt: string, at: number, beforeDays: readonly number[]): number | undefined {
  const valid = beforeDays.filter((d) => {
    const dueAt = Date.parse(addDays(deadline, -d));
    return dueAt <= at && dueAt >= Date.parse(setAt) && at < Date.parse(deadline);
  });
  return valid.length ? Math.min(...valid) : undefined;
}

function requests(input: LadderInput, rung: string, template: Template, to: readonly Addressee[], p: Record<string, string | number>): NotificationRequest[] {
  const deadline = input.hazard.deadline!;
  return to.flatMap((addressee) => channelsOf(addressee).map(({ channel, address }) => ({
    dedupeKey: `${input.hazard.hazardId}/${deadline}/${rung}/${addressee.id}/${channel}`,
    rung,
    deadline,
    recipient: { kind: addressee.kind, id: addressee.id, name: addressee.name },
    channel,
    ...(address !== undefined && { address }),
    template,
    params: { ...p, recipientName: addressee.name },
    occurrence: input.hazard.occurrence,
  })));
}

function channelsOf(a: Addressee): { channel: Channel; address?: string }[] {
  const channels: { channel: Channel; address?: string }[] = [];
  if (a.webhookUrl) channels.push({ channel: 'webhook', address: a.webhookUrl });
  if (a.email) channels.push({ channel: 'email', address: a.email });
  return channels.length ? channels : [{ channel: 'none' }];
}

function params(h: ExistingHazard, deadline: string, at: number): Record<string, string | number> {
  const daysOverdue = Math.max(0, Math.round(((at - Date.parse(deadline)) / DAY_MS) * 100) / 100);
  return { hazardId: h.hazardId, unitName: h.unitName, location: h.location, deadline, daysOverdue, responsiblePerson: h.assignment?.responsiblePerson ?? '' };
}
