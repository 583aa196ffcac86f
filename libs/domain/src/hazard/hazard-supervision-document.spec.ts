import { given } from '../testing/decider-spec';
import {
  aHazard,
  aMajorHazard,
  DOCUMENT_NO,
  imposeSupervision,
  NOTICE_SIGN_DUE,
  NOW,
  numberSupervisionDocument,
  recordNoticeServed,
  recordNoticeSigned,
  SERVED_AT,
  supervisionDocumentNumbered,
  supervisionImposed,
  supervisionNoticeServed,
  supervisionNoticeSigned,
} from '../testing/hazard.mother';
import { hazardDecoder } from './hazard.decoder';
import { IllegalTransitionError, RuleViolationError } from './hazard.errors';
import { hazardAsRead, signOverdue } from './hazard-as-read';
import { DEFAULT_HAZARD_RULES } from './hazard-rules';
import { ExistingHazard } from './hazard.state';

/** DESIGN.md "挂牌督办 as a formal act (督办通知书: 文号, 签发, 送达, 签收, 公示)". */
const supervised = aMajorHazard().supervised();

describe('ImposeSupervision as a 督办通知书 (SupervisionImposed v2)', () => {
  it('records the notice: its id, time, sign-due and that the system numbers it', () => {
    given(aMajorHazard().events).when(imposeSupervision()).then([supervisionImposed({ imposedAt: NOW, noticeSignDue: NOTICE_SIGN_DUE, numbering: 'system', documentNo: null })]);
  });

  it('derives the supervisionId from the command id: the same command, the same id; another, another', () => {
    const idOf = (commandId: string) => (given(aMajorHazard().events).when({ ...imposeSupervision(), commandId }).thenDecides('SupervisionImposed')[0]?.data as { supervisionId: string }).supervisionId;
    expect(idOf('c-1')).toBe(idOf('c-1'));
    expect(idOf('c-1')).not.toBe(idOf('c-2'));
  });

  it('keeps a given 文号 and draws none; signs due after NOTICE_SIGN_DAYS of the rules', () => {
    const command = { ...imposeSupervision({ documentNo: '杭安委〔2026〕7号', issuedBy: '李四', publish: true, summary: '燃气调压箱锈蚀' }), rules: { ...DEFAULT_HAZARD_RULES, noticeSignDays: 0.5 } };
    const [event] = given(aMajorHazard().events).when(command).thenDecides('SupervisionImposed');
    expect(event?.data).toMatchObject({ numbering: 'given', documentNo: '杭安委〔2026〕7号', issuedBy: '李四', publish: true, summary: '燃气调压箱锈蚀', noticeSignDue: new Date(Date.parse(NOW) + 12 * 3_600_000).toISOString() });
  });

  it('refuses a given 文号 in the system’s own form (422 HAZARD.DOC_NO_RESERVED)', () => {
    given(aMajorHazard().events).when(imposeSupervision({ documentNo: '安委办督〔2026〕12号' })).then(RuleViolationError, { code: 'HAZARD.DOC_NO_RESERVED', message: /安委办督〔2026〕12号/ });
  });

  it('refuses a planned completion that is not in the future, naming it', () => {
    given(aMajorHazard().events).when(imposeSupervision({ plannedCompletion: '2026-02-01T00:00:00+08:00' })).then(RuleViolationError, { code: 'HAZARD.DEADLINE_IN_PAST', message: /plannedCompletion/ });
  });

  it('upcasts a v1 imposition to `none`: never numbered, no sign-due', () => {
    const v1 = hazardDecoder.decode({ type: 'SupervisionImposed', data: { authorityLevel: 'county', department: 'd', reason: 'major', imposedBy: 'u' }, metadata: { schemaVersion: 1 } });
    expect(v1?.data).toMatchObject({ numbering: 'none', supervisionId: null, noticeSignDue: null, documentNo: null, publish: false });
  });
});

describe('NumberSupervisionDocument (system)', () => {
  it('records the drawn number on the imposition', () => {
    const state = given(supervised.events).when(numberSupervisionDocument()).then([supervisionDocumentNumbered()]);
    expect(state).toMatchObject({ supervision: { documentNo: DOCUMENT_NO } });
  });

  it('recording the same number again appends nothing; another number is 409', () => {
    given(supervised.numbered().events).when(numberSupervisionDocument()).then([]);
    given(supervised.numbered().events).when(numberSupervisionDocument({ documentNo: '安委办督〔2026〕2号', number: 2 })).then(IllegalTransitionError, { message: /already numbered/ });
  });

  it('cannot be refused for the status: a number drawn before the lifting is still recorded', () => {
    const lifted = supervised.assigned().planned().rectified().closureApplied().verified().unsupervised();
    given(lifted.events).when(numberSupervisionDocument()).thenDecides('SupervisionDocumentNumbered');
  });

  it('is 409 for an imposition that is not system-numbered', () => {
    given(aMajorHazard().supervised({ numbering: 'given', documentNo: '杭安委〔2026〕7号' }).events).when(numberSupervisionDocument()).then(IllegalTransitionError);
  });
});

describe('送达 and 签收 of the notice', () => {
  it('records service, then signature', () => {
    given(supervised.events).when(recordNoticeServed()).thenDecides('SupervisionNoticeServed');
    const state = given(supervised.noticeServed().events).when(recordNoticeSigned()).then([supervisionNoticeSigned({ recordedBy: 'rect-wu' })]);
    expect(state).toMatchObject({ supervision: { notice: { servedAt: SERVED_AT, signedBy: '张三' } } });
  });

  it('each is 409 out of order: not supervised, served twice, signed before service, signed twice', () => {
    given(aHazard().events).when(recordNoticeServed()).then(IllegalTransitionError, { message: /not under supervision/ });
    given(supervised.noticeServed().events).when(recordNoticeServed()).then(IllegalTransitionError, { message: /already served/ });
    given(supervised.events).when(recordNoticeSigned()).then(IllegalTransitionError, { message: /not been served/ });
    given(supervised.noticeServed().noticeSigned().events).when(recordNoticeSigned()).then(IllegalTransitionError, { message: /already signed/ });
  });

  it('each is 422 when its time is out of order or in the future', () => {
    given(supervised.events).when(recordNoticeServed({ servedAt: '2026-02-28T00:00:00+08:00' })).then(RuleViolationError, { code: 'HAZARD.SERVED_BEFORE_IMPOSED' });
    given(supervised.noticeServed().events).when(recordNoticeSigned({ signedAt: '2026-03-02T09:00:00+08:00' })).then(RuleViolationError, { code: 'HAZARD.SIGNED_BEFORE_SERVED' });
    given(supervised.events).when(recordNoticeServed({ servedAt: '2026-03-05T00:00:00+08:00' })).then(RuleViolationError, { code: 'HAZARD.TIME_IN_FUTURE' });
  });
});

describe('signOverdue, computed when read', () => {
  it('is false at the sign-due and true 1 ms later while unsigned', () => {
    expect(signOverdue({ signDue: NOTICE_SIGN_DUE }, NOTICE_SIGN_DUE)).toBe(false);
    expect(signOverdue({ signDue: NOTICE_SIGN_DUE }, new Date(Date.parse(NOTICE_SIGN_DUE) + 1).toISOString())).toBe(true);
  });

  it('once signed, compares the signature, not the reading time; never for a notice without sign-due', () => {
    const signedLate = given(supervised.noticeServed().noticeSigned({ signedAt: '2026-03-04T08:00:00.001+08:00' }).events).state as ExistingHazard;
    expect(hazardAsRead(signedLate, '2026-03-02T00:00:00Z').supervision?.notice.signOverdue).toBe(true);
    const signedInTime = given(supervised.noticeServed().noticeSigned().events).state as ExistingHazard;
    expect(hazardAsRead(signedInTime, '2027-01-01T00:00:00Z').supervision?.notice.signOverdue).toBe(false);
    expect(signOverdue({ signDue: null }, '2027-01-01T00:00:00Z')).toBe(false);
  });
});
