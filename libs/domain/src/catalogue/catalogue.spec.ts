import { DomainError } from '../hazard/hazard.errors';
import {
  CatalogueCode,
  CatalogueError,
  CatalogueInvalidError,
  checkBasis,
  hasSector,
  isBasisInForce,
  parseCatalogue,
  regionName,
  sectorName,
  unknownSector,
} from './catalogue';
import { aBasis, aCatalogue, aRawCatalogue, aRegion, aSector, NEW_CLAUSE, OLD_CLAUSE, VERSION, withEntry } from './testing/catalogue.mother';

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw');
}

function problemsOf(raw: unknown): readonly string[] {
  const error = thrownBy(() => parseCatalogue(raw, VERSION));
  expect(error).toBeInstanceOf(CatalogueInvalidError);
  return (error as CatalogueInvalidError).problems;
}

function refusal(act: () => unknown, code: CatalogueCode): CatalogueError {
  const error = thrownBy(act);
  expect(error).toBeInstanceOf(CatalogueError);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code });
  return error as CatalogueError;
}

describe('parseCatalogue', () => {
  it('keeps the entries and the version, reading an absent supersedes as none', () => {
    const catalogue = aCatalogue();

    expect(catalogue.version).toBe(VERSION);
    expect(catalogue.sectors.map((sector) => sector.code)).toEqual(['gas', 'fire', 'industry']);
    expect(catalogue.regions[0]).toEqual({ code: '33', name: '浙江省', parent: null });
    expect(catalogue.bases[0]).toEqual({ ...aBasis(), supersedes: [] });
    expect(catalogue.bases[2]?.supersedes).toEqual(['OLD-2017:1']);
  });

  it('accepts a parent listed after its child (order does not matter)', () => {
    const raw = aRawCatalogue();
    expect(() => parseCatalogue({ ...raw, regions: [...raw.regions].reverse() }, VERSION)).not.toThrow();
  });

  const broken: [string, unknown, string][] = [
    ['a duplicate sector', withEntry('sectors', 1, aSector()), 'sectors[1] (gas): duplicate code, also sectors[0] (gas)'],
    ['a duplicate region', withEntry('regions', 2, aRegion()), 'regions[3] (330102): duplicate code, also regions[2] (330102)'],
    ['a duplicate basis', withEntry('bases', 1, aBasis()), 'bases[1] (CZRQ-2023:5(2)): duplicate code, also bases[0] (CZRQ-2023:5(2))'],
    ['an unknown parent', withEntry('regions', 3, aRegion({ parent: '3302' })), 'regions[3] (330102): parent 3302 is not in the catalogue'],
    ['a parent that is not a prefix', withEntry('regions', 3, aRegion({ code: '330201', name: '宁波市辖区' })), 'regions[3] (330201): parent 3301 is not a proper prefix of 330201'],
    ['a region its own parent', withEntry('regions', 3, aRegion({ parent: '330102' })), 'regions[3] (330102): parent 330102 is not a proper prefix of 330102'],
    ['a one-digit region code', withEntry('regions', 3, aRegion({ code: '3', parent: null })), 'regions[3] (3): code must be 2 to 12 digits'],
    ['a 13-digit region code', withEntry('regions', 3, aRegion({ code: '3301020010011' })), 'regions[3] (3301020010011): code must be 2 to 12 digits'],
    ['a region code with letters', withEntry('regions', 3, aRegion({ code: '3301AB' })), 'regions[3] (3301AB): code must be 2 to 12 digits'],
    ['a basis for an unknown sector', withEntry('bases', 0, aBasis({ sectors: ['gas', 'chem'] })), 'bases[0] (CZRQ-2023:5(2)): sector chem is not in the catalogue'],
    ['a dangling supersedes', withEntry('bases', 2, { ...NEW_CLAUSE, supersedes: ['OLD-2016:1'] }), 'bases[2] (NEW-2023:1): supersedes OLD-2016:1, which is not in the catalogue'],
    ['a basis superseding itself', withEntry('bases', 2, { ...NEW_CLAUSE, supersedes: ['NEW-2023:1'] }), 'bases[2] (NEW-2023:1): supersedes itself'],
    ['a supersedes cycle', withEntry('bases', 1, { ...OLD_CLAUSE, supersedes: ['NEW-2023:1'] }), 'bases[1] (OLD-2017:1): is part of a supersedes cycle'],
    ['a month that does not exist', withEntry('bases', 0, aBasis({ effectiveFrom: '2023-13-01' })), 'bases[0] (CZRQ-2023:5(2)): effectiveFrom 2023-13-01 is not a calendar date'],
    ['a day that does not exist', withEntry('bases', 0, aBasis({ effectiveFrom: '2023-02-29' })), 'bases[0] (CZRQ-2023:5(2)): effectiveFrom 2023-02-29 is not a calendar date'],
    ['an unpadded date', withEntry('bases', 0, aBasis({ effectiveFrom: '2023-8-8' })), 'bases[0] (CZRQ-2023:5(2)): effectiveFrom must be a date YYYY-MM-DD, got "2023-8-8"'],
    ['a timestamp for a date', withEntry('bases', 0, aBasis({ effectiveFrom: '2023-08-08T00:00:00+08:00' })), 'bases[0] (CZRQ-2023:5(2)): effectiveFrom must be a date YYYY-MM-DD'],
    ['a missing effectiveFrom', withEntry('bases', 0, aBasis({ effectiveFrom: undefined })), 'bases[0] (CZRQ-2023:5(2)): effectiveFrom must be a date YYYY-MM-DD, got nothing'],
    ['a code of another standard', withEntry('bases', 0, aBasis({ code: 'GMT-10-2023:4(1)' })), 'bases[0] (GMT-10-2023:4(1)): code must be CZRQ-2023:<article>[(<item>)]'],
    ['a code without an article', withEntry('bases', 0, aBasis({ code: 'CZRQ-2023' })), 'bases[0] (CZRQ-2023): code must be CZRQ-2023:<article>[(<item>)]'],
    ['a basis without sectors', withEntry('bases', 0, aBasis({ sectors: [] })), 'bases[0] (CZRQ-2023:5(2)): sectors must be a non-empty array of codes, got []'],
    ['a basis listing a sector twice', withEntry('bases', 0, aBasis({ sectors: ['gas', 'gas'] })), 'bases[0] (CZRQ-2023:5(2)): sectors lists gas twice'],
    ['a basis without a source', withEntry('bases', 0, aBasis({ source: ' ' })), 'bases[0] (CZRQ-2023:5(2)): source must be a non-empty string, got " "'],
    ['a misspelt field', withEntry('bases', 2, { ...NEW_CLAUSE, supercedes: ['OLD-2017:1'] }), 'bases[2] (NEW-2023:1): unknown field supercedes'],
    ['a sector without a name', withEntry('sectors', 0, { code: 'gas' }), 'sectors[0] (gas): name must be a non-empty string, got nothing'],
    ['a sector code in capitals', withEntry('sectors', 1, aSector({ code: 'Fire' })), 'sectors[1] (Fire): code must be lowercase letters, digits and hyphens'],
    ['an entry without a code', withEntry('sectors', 1, { name: '消防' }), 'sectors[1]: code must be lowercase letters, digits and hyphens, got nothing'],
    ['an entry that is not an object', withEntry('regions', 1, '3301'), 'regions[1]: must be an object'],
    ['a region without a parent field', withEntry('regions', 3, { code: '330102', name: '上城区' }), 'regions[3] (330102): parent must be a region code or null, got nothing'],
    ['a missing list', { sectors: [], regions: [] }, 'bases must be an array'],
    ['an unknown top-level field', { ...aRawCatalogue(), statuses: [] }, 'catalogue: unknown field statuses'],
  ];

  it.each(broken)('refuses %s, naming the entry', (_, raw, expected) => {
    expect(problemsOf(raw).some((problem) => problem.includes(expected))).toBe(true);
    expect(() => parseCatalogue(raw, VERSION)).toThrow(expected);
  });

  it('refuses what is not an object at all', () => {
    expect(() => parseCatalogue([], VERSION)).toThrow(CatalogueInvalidError);
    expect(() => parseCatalogue(null, VERSION)).toThrow('must be a JSON object');
  });

  it('reports every problem of the file at once', () => {
    const raw = { ...withEntry('regions', 3, aRegion({ parent: '3302' })), sectors: [aSector(), aSector(), aSector({ code: 'industry', name: '工贸' })] };

    expect(problemsOf(raw)).toEqual([
      'sectors[1] (gas): duplicate code, also sectors[0] (gas)',
      'regions[3] (330102): parent 3302 is not in the catalogue',
    ]);
  });
});

describe('names', () => {
  const catalogue = aCatalogue();

  it('a sector is named by the catalogue, an unknown one by its code', () => {
    expect(sectorName(catalogue, 'gas')).toBe('燃气');
    expect(sectorName(catalogue, 'self-built-housing')).toBe('self-built-housing');
  });

  it('hasSector says whether a new hazard may be reported in it', () => {
    expect(hasSector(catalogue, 'fire')).toBe(true);
    expect(hasSector(catalogue, 'Fire')).toBe(false);
    expect(hasSector(catalogue, 'mining')).toBe(false);
  });

  it.each([
    ['its own name', '330102', '上城区'],
    ['its own name (a city)', '3301', '杭州市'],
    ['its longest prefix with the code in full-width brackets', '33010201', '上城区（33010201）'],
    ['a shorter prefix when that is the longest there is', '330201', '浙江省（330201）'],
    ['the code when no prefix is in the catalogue', '440305', '440305'],
    ['the code, not a longer catalogue code it prefixes', '3', '3'],
  ])('a region is named by %s', (_, code, expected) => {
    expect(regionName(catalogue, code)).toBe(expected);
  });
});

describe('checkBasis', () => {
  const catalogue = aCatalogue();
  const GAS_CLAUSE = 'CZRQ-2023:5(2)';

  it('returns the basis when it exists, lists the sector and is in force', () => {
    expect(checkBasis(catalogue, GAS_CLAUSE, 'gas', '2026-02-28T09:30:00+08:00')).toMatchObject({ code: GAS_CLAUSE, standard: 'CZRQ-2023' });
  });

  it('refuses a code the catalogue does not have (CATALOGUE.UNKNOWN_BASIS), naming it', () => {
    const error = refusal(() => checkBasis(catalogue, 'CZRQ-2023:5(99)', 'gas', '2026-02-28T09:30:00+08:00'), 'CATALOGUE.UNKNOWN_BASIS');
    expect(error.message).toContain('CZRQ-2023:5(99)');
  });

  it('refuses a basis that does not list the sector (CATALOGUE.BASIS_SECTOR_MISMATCH), naming code and sector', () => {
    const error = refusal(() => checkBasis(catalogue, GAS_CLAUSE, 'fire', '2026-02-28T09:30:00+08:00'), 'CATALOGUE.BASIS_SECTOR_MISMATCH');
    expect(error.message).toBe('basis CZRQ-2023:5(2) does not apply to sector fire (it applies to gas)');
  });

  describe('in force from midnight Beijing time of effectiveFrom (CATALOGUE.BASIS_NOT_IN_FORCE)', () => {
    it.each([
      ['the last second before, in +08:00', '2023-08-07T23:59:59+08:00'],
      ['the last second before, in UTC', '2023-08-07T15:59:59Z'],
    ])('refuses %s, naming the code', (_, at) => {
      const error = refusal(() => checkBasis(catalogue, GAS_CLAUSE, 'gas', at), 'CATALOGUE.BASIS_NOT_IN_FORCE');
      expect(error.message).toBe(`basis CZRQ-2023:5(2) is not in force at ${at}: it takes effect on 2023-08-08`);
    });

    it.each([
      ['midnight, in +08:00', '2023-08-08T00:00:00+08:00'],
      ['midnight, in UTC (the evening before)', '2023-08-07T16:00:00Z'],
      ['a millisecond later', '2023-08-07T16:00:00.001Z'],
    ])('accepts %s', (_, at) => {
      expect(checkBasis(catalogue, GAS_CLAUSE, 'gas', at).code).toBe(GAS_CLAUSE);
    });
  });

  describe('superseded by an entry itself in force', () => {
    it('the old clause holds until the new one takes effect, and is refused from then on, naming both', () => {
      expect(checkBasis(catalogue, 'OLD-2017:1', 'industry', '2023-05-14T23:59:59+08:00').code).toBe('OLD-2017:1');

      const error = refusal(() => checkBasis(catalogue, 'OLD-2017:1', 'industry', '2023-05-15T00:00:00+08:00'), 'CATALOGUE.BASIS_NOT_IN_FORCE');
      expect(error.message).toBe('basis OLD-2017:1 is not in force at 2023-05-15T00:00:00+08:00: superseded by NEW-2023:1 from 2023-05-15');
    });

    it('the new clause is refused before its own effectiveFrom, and accepted from it', () => {
      refusal(() => checkBasis(catalogue, 'NEW-2023:1', 'industry', '2023-05-14T23:59:59+08:00'), 'CATALOGUE.BASIS_NOT_IN_FORCE');
      expect(checkBasis(catalogue, 'NEW-2023:1', 'industry', '2023-05-15T00:00:00+08:00').code).toBe('NEW-2023:1');
    });

    it('a chain listed whole: once the newest clause is in force, every older one is out', () => {
      const NEWER = aBasis({ code: 'NEWER-2026:1', standard: 'NEWER-2026', sectors: ['industry'], effectiveFrom: '2026-01-01', supersedes: ['NEW-2023:1', 'OLD-2017:1'] });
      const chain = aCatalogue({ bases: [OLD_CLAUSE, NEW_CLAUSE, NEWER] });
      const [old, replaced, newer] = chain.bases;

      expect([old, replaced, newer].map((basis) => isBasisInForce(chain, basis!, '2025-12-31T23:59:59+08:00'))).toEqual([false, true, false]);
      expect([old, replaced, newer].map((basis) => isBasisInForce(chain, basis!, '2026-01-01T00:00:00+08:00'))).toEqual([false, false, true]);
    });

    it('a replacement announced for later leaves the old clause in force meanwhile', () => {
      const LATER = aBasis({ code: 'LATER-2030:1', standard: 'LATER-2030', sectors: ['gas'], effectiveFrom: '2030-01-01', supersedes: [GAS_CLAUSE] });
      const announced = aCatalogue({ bases: [aBasis(), LATER] });

      expect(checkBasis(announced, GAS_CLAUSE, 'gas', '2029-12-31T23:59:59+08:00').code).toBe(GAS_CLAUSE);
      refusal(() => checkBasis(announced, GAS_CLAUSE, 'gas', '2030-01-01T00:00:00+08:00'), 'CATALOGUE.BASIS_NOT_IN_FORCE');
    });
  });

  it('checks existence, then sector, then time', () => {
    refusal(() => checkBasis(catalogue, 'OLD-2017:1', 'gas', '2010-01-01T00:00:00+08:00'), 'CATALOGUE.BASIS_SECTOR_MISMATCH');
  });

  it('refuses a time that is not an ISO timestamp', () => {
    expect(() => checkBasis(catalogue, GAS_CLAUSE, 'gas', 'yesterday')).toThrow(RangeError);
  });
});

describe('unknownSector', () => {
  it('is CATALOGUE.UNKNOWN_SECTOR, naming the sector', () => {
    const error = unknownSector('self-built-housing');

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CATALOGUE.UNKNOWN_SECTOR', message: 'sector self-built-housing is not in the catalogue', details: { sector: 'self-built-housing' } });
  });
});
