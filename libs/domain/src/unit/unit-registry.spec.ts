import { CreditCodeInvalidError, UnitConflictError, UnitNotFoundError } from './unit.errors';
import { givenUnit } from './testing/unit-spec';
import {
  admin, CREDIT_CODE, fireSupervisor, gasSupervisor, inspector, otherRegionSupervisor, PROFILE, rectifier, registerUnit, REGISTERED_AT, reviewer, unitRegistered, updateUnit,
} from './testing/unit.mother';

describe('RegisterUnit', () => {
  it('records UnitRegistered with the profile, missing grid and contacts as null, at now', () => {
    const state = givenUnit()
      .when(registerUnit({ gridId: undefined, contacts: {} }))
      .then([unitRegistered({ gridId: null, contacts: { email: null, webhookUrl: null } })]);

    expect(state).toMatchObject({ exists: true, creditCode: CREDIT_CODE, registeredAt: REGISTERED_AT, reports: [] });
  });

  it('refuses a wrong check character: 400 UNIT.CREDIT_CODE_INVALID naming creditCode and the expected one', () => {
    const error = givenUnit().when(registerUnit({}, admin, '91350100M000100Y44')).thenRefused(CreditCodeInvalidError, { code: 'UNIT.CREDIT_CODE_INVALID' });

    expect(error.message).toMatch(/creditCode "91350100M000100Y44".*GB 32100-2015.*should be 3/);
    expect(error.details).toMatchObject({ field: 'creditCode', expected: '3', actual: '4' });
    givenUnit().when(registerUnit({}, admin, '91350100M000100Y43')).then([unitRegistered({ creditCode: '91350100M000100Y43' })]);
  });

  it('refuses a wrong length or character with the same code', () => {
    givenUnit().when(registerUnit({}, admin, 'UNIT-GASCO')).thenRefused(CreditCodeInvalidError, { message: /18 characters/ });
    givenUnit().when(registerUnit({}, admin, '91330102MA2B00001O')).thenRefused(CreditCodeInvalidError, { message: /character 18/ });
  });

  it('registers a unit once: a second registration is 409 UNIT.ALREADY_REGISTERED', () => {
    givenUnit([unitRegistered()]).when(registerUnit()).thenRefused(UnitConflictError, { code: 'UNIT.ALREADY_REGISTERED' });
  });
});

describe('UpdateUnit', () => {
  it('records only the fields that changed, never creditCode', () => {
    const state = givenUnit([unitRegistered()])
      .when(updateUnit({ name: PROFILE.name, principal: { name: '李四', phone: '13900000002' }, type: 'above-scale' }))
      .then([{ type: 'UnitUpdated', data: { type: 'above-scale', principal: { name: '李四', phone: '13900000002' } } }]);

    expect(state).toMatchObject({ principal: { name: '李四' }, type: 'above-scale', name: PROFILE.name });
  });

  it('replaces contacts as a whole and clears the grid with null', () => {
    givenUnit([unitRegistered()])
      .when(updateUnit({ contacts: { email: 'new@gasco.example' }, gridId: null }))
      .then([{ type: 'UnitUpdated', data: { gridId: null, contacts: { email: 'new@gasco.example', webhookUrl: null } } }]);
  });

  it('records nothing when nothing changes, and is 404 UNIT.NOT_FOUND for an unregistered unit', () => {
    givenUnit([unitRegistered()]).when(updateUnit({ name: PROFILE.name })).then([]);
    givenUnit().when(updateUnit({ name: '新名称' })).thenRefused(UnitNotFoundError, { code: 'UNIT.NOT_FOUND' });
  });
});

describe('who may keep the registry', () => {
  it('an admin anywhere; a supervisor in its regions whose department supervises the unit', () => {
    givenUnit().when(registerUnit({ regionCode: '440305' }, admin)).thenAuthorized();
    givenUnit().when(registerUnit()).thenAuthorized();
    givenUnit().when(registerUnit({}, fireSupervisor)).thenAuthorized();
  });

  it('not a supervisor outside its regions or of another department, nor other roles', () => {
    givenUnit().when(registerUnit({}, otherRegionSupervisor)).thenForbidden(/region 330102 is outside your regions/);
    givenUnit().when(registerUnit({ supervisingDepartments: ['dept-fire'] })).thenForbidden(/dept-gas is not among the unit's supervisingDepartments/);
    for (const actor of [inspector, rectifier, reviewer]) givenUnit().when(registerUnit({}, actor)).thenForbidden(/RegisterUnit needs one of the roles admin, supervisor/);
  });

  it('a supervisor updates only units it supervises, and cannot move one out of its reach', () => {
    givenUnit([unitRegistered()]).when(updateUnit({ industry: 'chemicals' })).thenAuthorized();
    givenUnit([unitRegistered({ regionCode: '330203' })]).when(updateUnit({ industry: 'chemicals' })).thenForbidden(/outside your regions/);
    givenUnit([unitRegistered()]).when(updateUnit({ regionCode: '330203' })).thenForbidden(/region 330203/);
    givenUnit([unitRegistered()]).when(updateUnit({ supervisingDepartments: ['dept-fire'] })).thenForbidden(/supervisingDepartments/);
    givenUnit([unitRegistered()]).when(updateUnit({ regionCode: '330203' }, admin)).thenAuthorized();
  });
});
