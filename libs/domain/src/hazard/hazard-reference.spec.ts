import { aRawCatalogue, NEW_CLAUSE, OLD_CLAUSE, VERSION } from '../catalogue/testing/catalogue.mother';
import { parseCatalogue, referenceChecksOf } from '../catalogue/catalogue';
import { CatalogueError } from '../catalogue/catalogue.errors';
import { given } from '../testing/decider-spec';
import { aHazard, hazardFound, hazardLevelChanged, reclassifyHazard, reportHazard } from '../testing/hazard.mother';
import { DEFAULT_HAZARD_RULES, HazardRules } from './hazard-rules';

/** DESIGN.md "Reference catalogue": the sector and 判定依据 checks of ReportHazard and ReclassifyHazard. */
const rules: HazardRules = { ...DEFAULT_HAZARD_RULES, reference: referenceChecksOf(parseCatalogue(aRawCatalogue(), VERSION)) };
const withRules = <C extends object>(command: C): C & { rules: HazardRules } => ({ ...command, rules });
const GAS_BASIS = 'CZRQ-2023:5(2)';

describe('ReportHazard against the catalogue', () => {
  it('founds a hazard of a catalogue sector, with its basis', () => {
    given([]).when(withRules(reportHazard({ basisCode: GAS_BASIS }))).then([hazardFound({ basisCode: GAS_BASIS })]);
  });

  it('refuses a new hazard of an unknown sector, naming it (CATALOGUE.UNKNOWN_SECTOR)', () => {
    given([]).when(withRules(reportHazard({ sector: 'astrology' }))).then(CatalogueError, { code: 'CATALOGUE.UNKNOWN_SECTOR', message: /astrology/ });
  });

  it('does not check the sector of a re-report: a hazard stored earlier is still found again', () => {
    given(aHazard({ sector: 'retired-sector' }).events).when(withRules(reportHazard({ sector: 'retired-sector' }))).thenDecides('HazardFoundAgain');
  });

  it.each([
    ['an unknown basis', { basisCode: 'GMT-10-2023:99' }, 'CATALOGUE.UNKNOWN_BASIS', /GMT-10-2023:99/],
    ['a basis of another sector', { basisCode: NEW_CLAUSE.code }, 'CATALOGUE.BASIS_SECTOR_MISMATCH', /NEW-2023:1/],
    ['a basis not yet in force at discoveredAt', { sector: 'industry', basisCode: NEW_CLAUSE.code, discoveredAt: '2023-05-14T12:00:00+08:00' }, 'CATALOGUE.BASIS_NOT_IN_FORCE', /NEW-2023:1/],
    ['a superseded basis', { sector: 'industry', basisCode: OLD_CLAUSE.code }, 'CATALOGUE.BASIS_NOT_IN_FORCE', /OLD-2017:1/],
  ])('refuses %s, naming the code', (_, data, code, message) => {
    given([]).when(withRules(reportHazard(data))).then(CatalogueError, { code, message });
  });

  it('checks a re-report’s basis against the hazard’s own sector, and records it on the finding', () => {
    const [again] = given(aHazard().events).when(withRules(reportHazard({ basisCode: GAS_BASIS }))).thenDecides('HazardFoundAgain');
    expect(again?.data).toMatchObject({ basisCode: GAS_BASIS });
  });
});

describe('ReclassifyHazard against the catalogue', () => {
  it('records the basis of the new grading; the state keeps it', () => {
    const state = given(aHazard().events).when(withRules(reclassifyHazard({ basisCode: GAS_BASIS }))).then([hazardLevelChanged({ basisCode: GAS_BASIS })]);
    expect(state).toMatchObject({ level: 'major', basisCode: GAS_BASIS });
  });

  it('checks the basis in force now, not at discovery', () => {
    given(aHazard({ sector: 'industry' }).events)
      .when(withRules(reclassifyHazard({ basisCode: OLD_CLAUSE.code })))
      .then(CatalogueError, { code: 'CATALOGUE.BASIS_NOT_IN_FORCE' });
  });
});
