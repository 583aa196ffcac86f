import { HazardFacts } from '@hazard/projections';
import { withinReadScope } from './report-read-scope';

const hazard = (hazardId: string, sector: string, regionCode: string): HazardFacts => ({
  hazardId, unitId: 'U', sector, regionCode, level: 'general', occurrence: 1, cycles: [], levels: [], supervision: [],
});

describe('withinReadScope: the facts a reader’s figures may count', () => {
  const facts = [hazard('gas-hz', 'gas', '330102'), hazard('fire-hz', 'fire', '330105'), hazard('gas-nb', 'gas', '330203')];
  const ids = (scope: Parameters<typeof withinReadScope>[1]) => withinReadScope(facts, scope).map((h) => h.hazardId);

  it('keeps its sectors × region prefixes; null is all', () => {
    expect(ids({ sectors: null, regions: null })).toEqual(['gas-hz', 'fire-hz', 'gas-nb']);
    expect(ids({ sectors: ['gas'], regions: ['3301'] })).toEqual(['gas-hz']);
    expect(ids({ sectors: ['gas'], regions: null })).toEqual(['gas-hz', 'gas-nb']);
    expect(ids({ sectors: null, regions: ['3302', '330105'] })).toEqual(['fire-hz', 'gas-nb']);
    expect(ids({ sectors: [], regions: null })).toEqual([]);
  });
});
