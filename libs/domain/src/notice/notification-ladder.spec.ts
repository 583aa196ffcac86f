import { given } from '../testing/decider-spec';
import { aHazard, AFTER_DEADLINE, DEADLINE, HAZARD_ID, NOW } from '../testing/hazard.mother';
import { ExistingHazard } from '../hazard/hazard.state';
import { LadderRecipients, notificationsDue } from './notification-ladder';

const policy = { beforeDays: [7, 3, 1], escalateAfterDays: 7 };
const recipients: LadderRecipients = {
  unit: { kind: 'unit', id: 'UNIT-GASCO', name: '某某燃气有限公司', webhookUrl: 'http://127.0.0.1/hook' },
  department: { kind: 'department', id: 'dept-gas', name: '区燃气管理办公室', email: 'gas@example.org' },
  committee: { kind: 'department', id: 'dept-safety-committee', name: '区安委办', email: 'aqw@example.org', webhookUrl: 'http://127.0.0.1/aqw' },
};
const DAY = 86_400_000;
const before = (days: number, plusMs = 0) => new Date(Date.parse(DEADLINE) - days * DAY + plusMs).toISOString();
const stateOf = (events: Parameters<typeof given>[0]) => given(events).state as ExistingHazard;
const due = (hazard: ExistingHazard, now: string, requested: string[] = [], deadlineSetAt = NOW) =>
  notificationsDue({ hazard, now, deadlineSetAt, recipients, requested: new Set(requested) }, policy);

describe('the escalation ladder (notificationsDue)', () => {
  const assigned = stateOf(aHazard().assigned().events);

  it('owes nothing before the first reminder, then remind-7d to the unit, keyed hazard/deadline/rung/recipient/channel', () => {
    expect(due(assigned, before(7, -1))).toEqual([]);
    expect(due(assigned, before(7))).toEqual([
      expect.objectContaining({ rung: 'remind-7d', template: 'deadline-reminder', channel: 'webhook', dedupeKey: `${HAZARD_ID}/${DEADLINE}/remind-7d/UNIT-GASCO/webhook`, recipient: { kind: 'unit', id: 'UNIT-GASCO', name: '某某燃气有限公司' } }),
    ]);
  });

  it('after downtime sends only the latest due reminder, and nothing once that one is recorded', () => {
    expect(due(assigned, before(1, 1000)).map((n) => n.rung)).toEqual(['remind-1d']);
    expect(due(assigned, before(1, 1000), [`${HAZARD_ID}/${DEADLINE}/remind-1d/UNIT-GASCO/webhook`])).toEqual([]);
  });

  it('skips a rung already past when the deadline was set', () => {
    expect(due(assigned, before(3, 1000), [], before(2))).toEqual([]);
    expect(due(assigned, before(1), [], before(2)).map((n) => n.rung)).toEqual(['remind-1d']);
  });

  it('sends the overdue notice to the unit and the supervising department once the deadline is recorded as missed', () => {
    const overdue = stateOf(aHazard().assigned().overdue().events);
    expect(due(overdue, AFTER_DEADLINE).map((n) => `${n.rung}:${n.recipient.id}:${n.channel}`)).toEqual(['overdue:UNIT-GASCO:webhook', 'overdue:dept-gas:email']);
  });

  it('sends the 督办函 to 安委办 ESCALATE_AFTER_DAYS after the deadline, still overdue, on every channel it has', () => {
    const overdue = stateOf(aHazard().assigned().overdue().events);
    const week = new Date(Date.parse(DEADLINE) + 7 * DAY).toISOString();
    expect(due(overdue, new Date(Date.parse(week) - 1).toISOString()).map((n) => n.rung)).not.toContain('escalate');
    const letters = due(overdue, week).filter((n) => n.rung === 'escalate');
    expect(letters.map((n) => `${n.template}:${n.channel}`)).toEqual(['duban-letter:webhook', 'duban-letter:email']);
    expect(letters[0]!.params).toMatchObject({ daysOverdue: 7, department: '区燃气管理办公室', unitName: '某某燃气有限公司' });
  });

  it('ends with the rectification: no rung after it', () => {
    expect(due(stateOf(aHazard().assigned().rectified().events), before(1))).toEqual([]);
    expect(due(stateOf(aHazard().assigned().overdue().rectified().events), new Date(Date.parse(DEADLINE) + 30 * DAY).toISOString())).toEqual([]);
  });

  it('records a recipient with no address as channel none, so the trail shows who could not be told', () => {
    const silent = { ...recipients, unit: { kind: 'unit' as const, id: 'UNIT-GASCO', name: '某某燃气有限公司' } };
    const [reminder] = notificationsDue({ hazard: assigned, now: before(7), deadlineSetAt: NOW, recipients: silent, requested: new Set() }, policy);
    expect(reminder).toMatchObject({ channel: 'none', dedupeKey: expect.stringMatching(/\/none$/) });
    expect(reminder).not.toHaveProperty('address');
  });
});
