import { creditCodeCheckCharacter, RegisterUnit, Unstamped, UnitType } from '@hazard/domain';
import { City, personName } from './city';
import { Random } from './random';

/** A unit (生产经营单位) of the generated city; `weight` is how often it turns up in reports. */
export interface SeedUnit {
  readonly creditCode: string;
  readonly name: string;
  readonly sector: string;
  readonly regionCode: string;
  readonly type: UnitType;
  readonly departmentId: string;
  /** Repeat offenders weigh far more, so the dashboard's repeat-units list has someone on it. */
  readonly weight: number;
}

const BRANDS = '恒通华信东方新安盛达鑫源宏远天成永泰金桥瑞丰广和嘉禾万达汇隆德胜正大联合中兴富春钱江西溪运河之江临江';
const FORMS: Readonly<Record<string, readonly string[]>> = {
  gas: ['燃气有限公司', '液化气供应站', '餐饮管理有限公司'],
  fire: ['商贸有限公司', '酒店管理有限公司', '购物中心'],
  construction: ['建设工程有限公司', '建筑安装有限公司'],
  housing: ['物业管理有限公司', '房屋租赁有限公司'],
  transport: ['物流有限公司', '客运有限公司'],
  'hazardous-chemicals': ['化工有限公司', '危险品运输有限公司'],
  chemicals: ['化工科技有限公司', '涂料有限公司'],
  mining: ['矿业有限公司', '石料厂'],
  industry: ['机械制造有限公司', '金属制品有限公司', '纺织有限公司'],
  'special-equipment': ['电梯工程有限公司', '起重设备有限公司'],
  market: ['农贸市场管理有限公司', '商场'],
  education: ['培训学校', '幼儿园'],
  health: ['医院', '社区卫生服务中心'],
  tourism: ['旅游开发有限公司', '文化演艺有限公司'],
  water: ['水务有限公司', '水库管理站'],
  power: ['电力工程有限公司', '能源有限公司'],
  emergency: ['仓储有限公司', '应急物资有限公司'],
};
const TYPES: readonly (readonly [UnitType, number])[] = [['high-risk', 2], ['above-scale', 3], ['crowded-place', 2], ['other', 3]];

/**
 * 统一社会信用代码 (GB 32100-2015): 9 (工商) 1 (企业), the district's 6-digit code, a 9-character 组织机构代码
 * with its own GB 11714 check character, then the check character over the 17 before it.
 */
export function creditCodeOf(regionCode: string, serial: number): string {
  const body = String(10_000_000 + (serial * 7_919) % 90_000_000).padStart(8, '0');
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  const organisation = body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
  const first17 = `91${regionCode}${organisation}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/** `count` units spread over the districts and sectors; about one in thirty a repeat offender. */
export function unitsOf(city: City, count: number, seed: number): SeedUnit[] {
  const units: SeedUnit[] = [];
  for (let n = 0; n < count; n++) {
    const random = new Random(seed, 1, n);
    const district = random.pick(city.districts);
    const sector = city.sectors[n % city.sectors.length]!;
    const brand = BRANDS.slice(random.int(0, BRANDS.length / 2 - 1) * 2).slice(0, 2);
    const form = random.pick(FORMS[sector.code] ?? ['有限公司']);
    units.push({
      creditCode: creditCodeOf(district.code, n + 1),
      name: `${city.name.replace(/市$/, '')}${district.name.replace(/[区县市]$/, '')}${brand}${form}`,
      sector: sector.code,
      regionCode: district.code,
      type: random.weighted(TYPES),
      departmentId: `dept-${sector.code}`,
      weight: random.chance(1 / 30) ? 6 : 1,
    });
  }
  return units;
}

/** The n-th unit's 主要负责人, who signs its self-check reports. */
export function principalOf(n: number): string {
  return personName(n + 17);
}

/** The registration of a unit, as an admin (安委办) records it. */
export function registration(unit: SeedUnit, n: number): Unstamped<RegisterUnit> {
  return {
    type: 'RegisterUnit',
    creditCode: unit.creditCode,
    data: {
      name: unit.name,
      industry: unit.sector,
      type: unit.type,
      regionCode: unit.regionCode,
      supervisingDepartments: [unit.departmentId],
      principal: { name: principalOf(n), phone: `1${3 + (n % 6)}${String(100_000_000 + ((n * 48_271) % 900_000_000)).slice(0, 9)}` },
    },
  };
}

/** Picks units by weight in O(log n): cumulative weights, binary search. */
export class UnitPicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly units: readonly SeedUnit[]) {
    let sum = 0;
    for (const unit of units) this.cumulative.push((sum += unit.weight));
    this.total = sum;
  }

  pick(random: Random): SeedUnit {
    const point = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle]! > point) high = middle;
      else low = middle + 1;
    }
    return this.units[low]!;
  }
}
