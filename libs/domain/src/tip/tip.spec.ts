import { SYSTEM_ACTOR } from '../shared/actor';
import { TipCommand } from './tip.commands';
import { decideTip } from './tip.decide';
import { TipError } from './tip.errors';
import { TipEvent } from './tip.events';
import { evolveTip } from './tip.evolve';
import { authorizeTip, PUBLIC_ACTOR } from './tip.aggregate';
import { initialTipState, TipState } from './tip.state';
import { rewardYuan, tipNoFor } from './tip.values';

const officer = { userId: 'tip-he', departmentId: 'dept-safety-committee', roles: ['tip-officer' as const], regions: ['3301'] };
const AT = '2026-03-01T00:00:00.000Z';
const base = { tipId: 't1', now: AT, actor: officer };
const submit: TipCommand = {
  ...base, type: 'SubmitTip', actor: PUBLIC_ACTOR,
  data: { tipNo: 'JB-2026-000001', sector: 'gas', regionCode: '330102', location: '某小区', description: '燃气泄漏', evidence: [], anonymous: false, reporter: { alg: 'AES-256-GCM', iv: 'i', ciphertext: 'c', tag: 't' }, codeHash: 'h' },
};

function run(...commands: TipCommand[]): { state: TipState; events: TipEvent[] } {
  let state = initialTipState();
  const events: TipEvent[] = [];
  for (const c of commands) for (const e of decideTip(c, state)) (events.push(e), (state = evolveTip(state, e)));
  return { state, events };
}

const cmd = <T extends TipCommand['type']>(type: T, data: Extract<TipCommand, { type: T }>['data'], now = AT) => ({ ...base, type, data, now }) as TipCommand;
const accept = cmd('AcceptTip', { note: null });
const verified = (hazardIds: string[]) => cmd('RecordTipVerification', { substantiated: hazardIds.length > 0, hazardIds, findings: '属实', linked: hazardIds });
const expectCode = (f: () => unknown, code: string) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TipError);
    expect(e).toHaveProperty('code', code);
    return;
  }
  throw new Error(`expected ${code}`);
};

describe('the tip procedure', () => {
  it('numbers JB-<year>-<6 digits>', () => expect(tipNoFor(2026, 12)).toBe('JB-2026-000012'));

  it('receives a tip, due for verification TIP_VERIFY_DAYS later, the identity held', () => {
    const { state } = run(submit);
    expect(state).toMatchObject({ status: 'received', identity: 'held', verifyDueAt: '2026-03-31T00:00:00.000Z' });
    expect(JSON.stringify(state)).not.toContain('ciphertext');
  });

  it('verifies: substantiated exactly when hazards were found, each linked by its finding', () => {
    expectCode(() => run(submit, accept, cmd('RecordTipVerification', { substantiated: true, hazardIds: [], findings: 'x', linked: [] })), 'TIP.SUBSTANTIATION_MISMATCH');
    expectCode(() => run(submit, accept, cmd('RecordTipVerification', { substantiated: true, hazardIds: ['h1'], findings: 'x', linked: [] })), 'TIP.HAZARD_NOT_LINKED');
    expect(run(submit, accept, verified(['h1'])).state).toMatchObject({ status: 'verified', verification: { substantiated: true }, feedbackDueAt: '2026-03-11T00:00:00.000Z' });
  });

  it('answers the reporter, on time or late, and allows one review (复查) that restarts the verification', () => {
    const late = cmd('NotifyReporter', { text: '经核查属实' }, '2026-03-12T00:00:00.000Z');
    const { state } = run(submit, accept, verified(['h1']), late);
    expect(state).toMatchObject({ status: 'answered', feedback: [{ onTime: false }] });
    const review = { ...cmd('RequestTipReview', { reason: '仍未整改' }, '2026-03-13T00:00:00.000Z'), actor: PUBLIC_ACTOR };
    expect(run(submit, accept, verified(['h1']), late, review).state).toMatchObject({ status: 'review-requested', verifyDueAt: '2026-04-12T00:00:00.000Z' });
    expectCode(() => run(submit, accept, verified(['h1']), late, review, verified(['h1']), late, review), 'TIP.ILLEGAL_TRANSITION');
  });

  it.each([
    [10_000, 3_000], // 15 % = 1,500, raised to the ¥3,000 floor
    [100_000, 15_000], // 15 %
    [3_000_000, 300_000], // 15 % = 450,000, capped at ¥300,000
    [20_003, 3_000],
    [100_010, 15_002], // 15,001.5 rounds half up
  ])('rewards a penalty of ¥%i with ¥%i', (penalty, reward) => expect(rewardYuan(penalty)).toBe(reward));

  it('rewards only a substantiated, real-name tip whose identity is held, once', () => {
    const reward = cmd('DecideReward', { penaltyYuan: 100_000 });
    expect(run(submit, accept, verified(['h1']), reward).events.at(-1)).toMatchObject({ type: 'RewardDecided', data: { amountYuan: 15_000 } });
    expectCode(() => run(submit, accept, verified(['h1']), reward, reward), 'TIP.REWARD_ALREADY_DECIDED');
    expectCode(() => run(submit, accept, verified([]), reward), 'TIP.REWARD_NOT_SUBSTANTIATED');
    const anonymous = { ...submit, data: { ...(submit.data as object), anonymous: true, reporter: null } } as TipCommand;
    expectCode(() => run(anonymous, accept, verified(['h1']), reward), 'TIP.REWARD_NEEDS_REAL_NAME');
    expectCode(() => run(submit, accept, verified(['h1']), cmd('EraseReporterIdentity', { reason: '依申请' }), reward), 'TIP.IDENTITY_ERASED');
  });

  it('marks a missed verification once, and not after the conclusion', () => {
    const mark = (now: string) => ({ ...cmd('MarkTipOverdue', { dueAt: '' }, now), actor: SYSTEM_ACTOR });
    expectCode(() => run(submit, mark('2026-03-31T00:00:00.000Z')), 'TIP.NOT_DUE');
    expect(run(submit, mark('2026-03-31T00:00:00.001Z')).state).toMatchObject({ overdue: true });
    expectCode(() => run(submit, mark('2026-03-31T00:00:00.001Z'), mark('2026-04-01T00:00:00Z')), 'TIP.ALREADY_OVERDUE');
    expectCode(() => run(submit, accept, verified([]), mark('2026-04-01T00:00:00Z')), 'TIP.NOT_DUE');
  });

  it('an anonymous tip holds no identity to view', () => {
    const anonymous = { ...submit, data: { ...(submit.data as object), anonymous: true, reporter: null } } as TipCommand;
    expectCode(() => run(anonymous, cmd('ViewReporterIdentity', { reason: '核实需要' })), 'TIP.NO_IDENTITY');
  });

  it('officer commands are the tip officer’s within its regions; public ones the public’s', () => {
    const { state } = run(submit);
    expect(() => authorizeTip({ ...accept, actor: { ...officer, roles: ['supervisor'] } } as TipCommand, state)).toThrow(/tip-officer/);
    expect(() => authorizeTip({ ...accept, actor: { ...officer, regions: ['3302'] } } as TipCommand, state)).toThrow(/outside your regions/);
    expect(() => authorizeTip({ ...submit, actor: officer }, initialTipState())).toThrow(/public/);
    expect(() => authorizeTip(accept, state)).not.toThrow();
  });
});
