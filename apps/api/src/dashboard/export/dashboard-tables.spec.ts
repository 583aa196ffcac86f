import { parseCatalogue } from '@hazard/domain';
import { OverdueHazard } from '@hazard/projections';
import { codeNamesOf } from './code-names';
import { OVERDUE_TABLE } from './dashboard-tables';
import { tableOf } from './tabular';

const catalogue = parseCatalogue(
  {
    sectors: [{ code: 'gas', name: '燃气' }],
    regions: [
      { code: '33', name: '浙江省', parent: null },
      { code: '3301', name: '杭州市', parent: '33' },
      { code: '330102', name: '上城区', parent: '3301' },
    ],
    bases: [],
  },
  'test',
);

const anOverdueHazard = (overrides: Partial<OverdueHazard> = {}): OverdueHazard => ({
  hazardId: 'h-1',
  unitId: 'UNIT-GASCO',
  unitName: '某某燃气有限公司',
  location: '3号楼',
  sector: 'gas',
  regionCode: '330102',
  level: 'major',
  status: 'assigned',
  responsibleUnitId: 'UNIT-GASCO',
  responsiblePerson: '张三',
  supervisingDepartment: 'dept-gas',
  deadline: '2026-03-15T18:00:00+08:00',
  daysOverdue: 4.58,
  underSupervision: true,
  ...overrides,
});

/** 行业, 区划代码, 区划名称 of each row. */
function placesOf(...rows: OverdueHazard[]): unknown[][] {
  const table = tableOf(OVERDUE_TABLE, rows, codeNamesOf(catalogue));
  const at = table.headers.indexOf('行业');
  expect(table.headers.slice(at, at + 3)).toEqual(['行业', '区划代码', '区划名称']);
  return table.rows.map((row) => row.slice(at, at + 3));
}

describe('the overdue export names sector and region from the catalogue', () => {
  it('330102 exports as 上城区, gas as 燃气', () => {
    expect(placesOf(anOverdueHazard())).toEqual([['燃气', '330102', '上城区']]);
  });

  it('a region the catalogue lacks is named after its longest catalogue prefix, else by its code', () => {
    expect(placesOf(anOverdueHazard({ regionCode: '33010201' }), anOverdueHazard({ regionCode: '330201' }), anOverdueHazard({ regionCode: '440305' }))).toEqual([
      ['燃气', '33010201', '上城区（33010201）'],
      ['燃气', '330201', '浙江省（330201）'],
      ['燃气', '440305', '440305'],
    ]);
  });

  it('a sector the catalogue lacks is shown as its code', () => {
    expect(placesOf(anOverdueHazard({ sector: 'self-built-housing' }))).toEqual([['self-built-housing', '330102', '上城区']]);
  });
});
