import { SelfCheckContentError, UnitConflictError, UnitNotFoundError, UnitRuleError } from './unit.errors';
import { givenUnit } from './testing/unit-spec';
import {
  admin, APRIL, correctReport, CREDIT_CODE, gasSupervisor, HAZARD_A, HAZARD_B, MAY, NOW, otherRectifier, PRINCIPAL, rectifier, reportCorrected, reportSubmitted, selfFound, submitReport,
  unitRegistered, zeroHazard,
} from './testing/unit.mother';

const registered = [unitRegistered()];

describe('SubmitSelfCheckReport', () => {
  it('records the report with its submission time; on time until the 15th of the next month ends', () => {
    const state = givenUnit(registered).when(submitReport()).then([reportSubmitted()]);
    givenUnit(registered).when(submitReport({}, '2026-04-15T23:59:59.999+08:00')).then([reportSubmitted({ submittedAt: '2026-04-15T23:59:59.999+08:00', late: false })]);

    expect(state).toMatchObject({ reports: [{ period: '2026-03', hazardIds: [HAZARD_A], late: false, corrected: null }] });
  });

  it('is late from local midnight after the 15th of the month after the period', () => {
    givenUnit(registered).when(submitReport({}, '2026-04-16T00:00:00+08:00')).then([reportSubmitted({ submittedAt: '2026-04-16T00:00:00+08:00', late: true })]);
  });

  it('takes a zero-hazard declaration without hazards', () => {
    givenUnit(registered).when(submitReport(zeroHazard())).then([reportSubmitted({ zeroHazard: true, hazardIds: [] })]);
  });

  it('takes hazardIds xor zeroHazard: neither or both is refused', () => {
    givenUnit(registered).when(submitReport({ hazardIds: [], zeroHazard: false })).thenRefused(SelfCheckContentError, { code: 'UNIT.REPORT_CONTENT_INVALID' });
    givenUnit(registered).when(submitReport({ zeroHazard: true })).thenRefused(SelfCheckContentError, { message: /without hazardIds/ });
  });

  it('is signed by the principal (主要负责人): anyone else is 422 UNIT.SIGNER_NOT_PRINCIPAL', () => {
    const error = givenUnit(registered).when(submitReport({ signedBy: '张三' })).thenRefused(UnitRuleError, { code: 'UNIT.SIGNER_NOT_PRINCIPAL' });
    expect(error.details).toEqual({ signedBy: '张三', principal: PRINCIPAL.name });
  });

  it('reports a period once: a second report is 409 UNIT.PERIOD_ALREADY_REPORTED', () => {
    givenUnit([...registered, reportSubmitted()]).when(submitReport(zeroHazard())).thenRefused(UnitConflictError, { code: 'UNIT.PERIOD_ALREADY_REPORTED' });
  });

  it('reports a period once it has begun: the running month is fine, a later one is 422 UNIT.PERIOD_IN_FUTURE', () => {
    givenUnit(registered).when(submitReport(zeroHazard({ period: '2026-04', window: APRIL }))).then([reportSubmitted({ period: '2026-04', zeroHazard: true, hazardIds: [] })]);
    givenUnit(registered).when(submitReport(zeroHazard({ period: '2026-05', window: MAY }))).thenRefused(UnitRuleError, { code: 'UNIT.PERIOD_IN_FUTURE' });
  });

  it('lists only this unit’s hazards with a self-check finding discovered in the period: else 422 naming the hazard', () => {
    const refused = (hazards: ReturnType<typeof selfFound>[]) =>
      givenUnit(registered).when(submitReport({ hazardIds: [HAZARD_A, HAZARD_B], hazards: [selfFound(), ...hazards] })).thenRefused(UnitRuleError, { code: 'UNIT.HAZARD_NOT_IN_PERIOD' });

    expect(refused([]).message).toMatch(`hazard ${HAZARD_B} is not a hazard of unit ${CREDIT_CODE}`);
    expect(refused([selfFound(HAZARD_B, '2026-03-20T10:00:00+08:00', 'UNIT-OTHER')]).details).toEqual({ hazardId: HAZARD_B, period: '2026-03' });
    expect(refused([selfFound(HAZARD_B, '2026-04-01T00:00:00+08:00')]).message).toMatch(/no self-check finding discovered in 2026-03/);
    expect(refused([{ hazardId: HAZARD_B, unitId: CREDIT_CODE, selfCheckFindings: [] }]).message).toMatch(HAZARD_B);
    givenUnit(registered).when(submitReport({ hazardIds: [HAZARD_A, HAZARD_B], hazards: [selfFound(), selfFound(HAZARD_B, '2026-03-01T00:00:00+08:00')] })).then([
      reportSubmitted({ hazardIds: [HAZARD_A, HAZARD_B] }),
    ]);
  });

  it('needs a registered unit: 404 UNIT.NOT_FOUND', () => {
    givenUnit().when(submitReport()).thenRefused(UnitNotFoundError, { code: 'UNIT.NOT_FOUND' });
  });
});

describe('CorrectSelfCheckReport', () => {
  it('records the correction; the latest counts and the original is kept beside it', () => {
    const state = givenUnit([...registered, reportSubmitted()])
      .when(correctReport({ hazardIds: [HAZARD_A, HAZARD_B], hazards: [selfFound(), selfFound(HAZARD_B)] }))
      .then([reportCorrected()]);

    expect(state).toMatchObject({
      reports: [{ period: '2026-03', hazardIds: [HAZARD_A, HAZARD_B], submittedAt: NOW, late: false, corrected: { reason: '漏报一项隐患', corrections: 1, original: { hazardIds: [HAZARD_A] } } }],
    });
  });

  it('applies the same checks to the new content', () => {
    const reported = [...registered, reportSubmitted()];
    givenUnit(reported).when(correctReport({ signedBy: '张三' })).thenRefused(UnitRuleError, { code: 'UNIT.SIGNER_NOT_PRINCIPAL' });
    givenUnit(reported).when(correctReport({ hazardIds: [HAZARD_B], hazards: [] })).thenRefused(UnitRuleError, { code: 'UNIT.HAZARD_NOT_IN_PERIOD' });
    givenUnit(reported).when(correctReport({ zeroHazard: true })).thenRefused(SelfCheckContentError);
  });

  it('corrects only a period reported: else 409 UNIT.PERIOD_NOT_REPORTED', () => {
    givenUnit(registered).when(correctReport()).thenRefused(UnitConflictError, { code: 'UNIT.PERIOD_NOT_REPORTED' });
  });
});

describe('who may report', () => {
  it('the unit’s own rectifier only', () => {
    givenUnit(registered).when(submitReport()).thenAuthorized();
    givenUnit(registered).when(submitReport({}, NOW, otherRectifier)).thenForbidden(/not 91330102MA2B000015/);
    for (const actor of [admin, gasSupervisor]) givenUnit(registered).when(submitReport({}, NOW, actor)).thenForbidden(/needs one of the roles rectifier/);
    givenUnit(registered).when(correctReport({}, 'r', NOW, otherRectifier)).thenForbidden();
  });
});
