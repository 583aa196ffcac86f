import { HAZARD_ID, KEY } from '../testing/hazard.mother';
import { hazardIdFor, normaliseKey, normaliseLocation, streamIdFor } from './hazard-id';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('hazard identity: the natural key (unitId, location, categoryCode)', () => {
  it('derives a UUID v5', () => {
    expect(hazardIdFor(KEY)).toMatch(UUID_V5);
  });

  it('is the same on every machine, forever (pinned: a change would orphan every stored stream)', () => {
    expect(hazardIdFor(KEY)).toBe('f701710a-125f-57cd-8648-2cfa6a99bb1d');
    expect(HAZARD_ID).toBe(hazardIdFor({ ...KEY }));
  });

  it.each([
    ['surrounding spaces', '  3号楼 地下室 调压箱  '],
    ['runs of spaces', '3号楼   地下室 调压箱'],
    ['full-width spaces (U+3000)', '3号楼\u3000地下室\u3000调压箱'],
    ['tabs and newlines', '3号楼\t地下室\n调压箱'],
  ])('a location differing only in %s is the same hazard', (_case, location) => {
    expect(hazardIdFor({ ...KEY, location })).toBe(HAZARD_ID);
  });

  it('folds Latin letter case in the location: "1号楼 B座" ≡ "1号楼  b座"', () => {
    expect(hazardIdFor({ ...KEY, location: '1号楼 B座' })).toBe(hazardIdFor({ ...KEY, location: '1号楼  b座' }));
  });

  it('trims the unit and category codes', () => {
    expect(hazardIdFor({ ...KEY, unitId: ` ${KEY.unitId} `, categoryCode: `${KEY.categoryCode}\t` })).toBe(HAZARD_ID);
  });

  it.each([
    ['another unit', { unitId: 'UNIT-OTHER' }],
    ['another location', { location: '4号楼 地下室 调压箱' }],
    ['another category', { categoryCode: 'GAS-VALVE' }],
  ])('%s is another hazard', (_case, change) => {
    expect(hazardIdFor({ ...KEY, ...change })).not.toBe(HAZARD_ID);
  });

  it('does not confuse parts of the key when joined', () => {
    expect(hazardIdFor({ unitId: 'A', location: 'b c', categoryCode: 'D' })).not.toBe(hazardIdFor({ unitId: 'A b', location: 'c', categoryCode: 'D' }));
  });

  it('normalises the key it hashes, not the words people wrote', () => {
    expect(normaliseKey({ unitId: ' U1 ', location: ' 1号楼\u3000B座 ', categoryCode: ' C1 ' })).toEqual({ unitId: 'U1', location: '1号楼 b座', categoryCode: 'C1' });
    expect(normaliseLocation('  A  座 ')).toBe('a 座');
  });

  it('lives in the stream hazard-<hazardId>', () => {
    expect(streamIdFor(HAZARD_ID)).toBe(`hazard-${HAZARD_ID}`);
  });
});
