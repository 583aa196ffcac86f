import { StatisticsCatalogue } from '../statistics-catalogue';

interface Region {
  readonly code: string;
  readonly name: string;
  readonly parent: string | null;
}

const REGIONS: readonly Region[] = [
  { code: '33', name: '浙江省', parent: null },
  { code: '3301', name: '杭州市', parent: '33' },
  { code: '330106', name: '西湖区', parent: '3301' },
  { code: '330102', name: '上城区', parent: '3301' },
  { code: '330105', name: '拱墅区', parent: '3301' },
  { code: '3302', name: '宁波市', parent: '33' },
];

const SECTORS = [
  { code: 'gas', name: '燃气' },
  { code: 'fire', name: '消防' },
  { code: 'construction', name: '住建' },
];

/** A small 浙江省 / 杭州市 catalogue (children deliberately out of code order), optionally with more regions. */
export function aCatalogue(extraRegions: readonly Region[] = [], names: Partial<Record<string, string>> = {}): StatisticsCatalogue {
  const regions = [...REGIONS, ...extraRegions].map((r) => ({ ...r, name: names[r.code] ?? r.name }));
  return {
    regionChildren: (code) => regions.filter((r) => r.parent === code).map(({ code: c, name }) => ({ code: c, name })),
    regionName: (code) => regions.find((r) => r.code === code)?.name ?? code,
    sectors: SECTORS,
    sectorName: (code) => SECTORS.find((s) => s.code === code)?.name ?? code,
  };
}
