import { Catalogue, parseCatalogue } from '../catalogue';

/** The JSON of a catalogue file, before parseCatalogue has looked at it. */
export interface RawCatalogue {
  sectors: unknown[];
  regions: unknown[];
  bases: unknown[];
}

export const VERSION = 'sha256-of-the-file';

export const aSector = (overrides: object = {}) => ({ code: 'gas', name: '燃气', ...overrides });
export const aRegion = (overrides: object = {}) => ({ code: '330102', name: '上城区', parent: '3301', ...overrides });
export const aBasis = (overrides: object = {}) => ({
  code: 'CZRQ-2023:5(2)',
  standard: 'CZRQ-2023',
  sectors: ['gas'],
  title: '城镇燃气经营安全重大隐患判定标准 第五条第（二）项（燃气厂站安全管理）',
  text: '燃气厂站内设备和管道未设置防止系统压力参数超过限值的自动切断和放散装置。',
  effectiveFrom: '2023-08-08',
  source: '中华人民共和国住房和城乡建设部，建城规〔2023〕4号',
  ...overrides,
});

/** A clause replaced by a later one (fictitious codes: the logic, not the law, is under test). */
export const OLD_CLAUSE = aBasis({ code: 'OLD-2017:1', standard: 'OLD-2017', sectors: ['industry'], effectiveFrom: '2017-12-01' });
export const NEW_CLAUSE = aBasis({ code: 'NEW-2023:1', standard: 'NEW-2023', sectors: ['industry'], effectiveFrom: '2023-05-15', supersedes: ['OLD-2017:1'] });

/** A small valid catalogue: three sectors, 浙江省 > 杭州市 > two districts, a gas clause and a replaced one. */
export function aRawCatalogue(overrides: Partial<RawCatalogue> = {}): RawCatalogue {
  return {
    sectors: [aSector(), aSector({ code: 'fire', name: '消防' }), aSector({ code: 'industry', name: '工贸' })],
    regions: [
      aRegion({ code: '33', name: '浙江省', parent: null }),
      aRegion({ code: '3301', name: '杭州市', parent: '33' }),
      aRegion({ code: '330105', name: '拱墅区' }),
      aRegion(),
    ],
    bases: [aBasis(), OLD_CLAUSE, NEW_CLAUSE],
    ...overrides,
  };
}

export function aCatalogue(overrides: Partial<RawCatalogue> = {}): Catalogue {
  return parseCatalogue(aRawCatalogue(overrides), VERSION);
}

/** The catalogue with `list[index]` replaced by `entry` (or removed with `undefined`). */
export function withEntry(list: keyof RawCatalogue, index: number, entry: unknown): RawCatalogue {
  const raw = aRawCatalogue();
  const items = [...raw[list]];
  if (entry === undefined) items.splice(index, 1);
  else items[index] = entry;
  return { ...raw, [list]: items };
}
