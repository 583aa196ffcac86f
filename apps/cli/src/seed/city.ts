import { Actor, Catalogue, CatalogueEntry, RegionEntry, SYSTEM_ACTOR } from '@hazard/domain';

/** The city the seed generates: its districts, the catalogue's sectors, one department per sector and its people. */
export interface City {
  readonly code: string;
  readonly name: string;
  readonly districts: readonly RegionEntry[];
  readonly sectors: readonly CatalogueEntry[];
  readonly departments: readonly Department[];
  readonly admin: Actor;
  readonly reviewer: Actor;
  readonly system: Actor;
}

/** 行业主管部门: 管行业必须管安全 — its inspectors and supervisors act in its sector, city-wide. */
export interface Department {
  readonly id: string;
  readonly name: string;
  readonly sector: string;
  readonly inspectors: readonly Actor[];
  /** A district-level (county) supervisor and a city-level one, who may close city-supervised hazards. */
  readonly countySupervisor: Actor;
  readonly citySupervisor: Actor;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏方邹孟熊秦江尹薛段雷侯龙史贺顾毛郝邵钱汤俞章葛';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玲丹萍鹏华红玉兰飞桂兰斌宇浩凯健俊帆帅旭宁龙林欣波涛晨';

/** A person's name, deterministic in `n`: 王伟, 李芳… */
export function personName(n: number): string {
  const surname = SURNAMES[n % SURNAMES.length]!;
  const given = GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]! + (n % 3 === 0 ? '' : GIVEN[(n * 7) % GIVEN.length]!);
  return surname + given;
}

/**
 * The city of `cityCode` (default 杭州 3301) as the catalogue lists it: its districts with their zh-CN names and
 * every sector the catalogue knows, so every report passes the decider's reference checks.
 */
export function cityOf(catalogue: Catalogue, cityCode = '3301'): City {
  const city = catalogue.regions.find((region) => region.code === cityCode);
  if (!city) throw new Error(`the catalogue lists no region ${cityCode}`);
  const districts = catalogue.regions.filter((region) => region.parent === cityCode);
  if (districts.length === 0) throw new Error(`the catalogue lists no districts under ${cityCode} (${city.name})`);
  const departments = catalogue.sectors.map((sector, index) => departmentOf(sector, index, city));
  return {
    code: city.code,
    name: city.name,
    districts,
    sectors: catalogue.sectors,
    departments,
    admin: { userId: 'admin-anwei', departmentId: 'dept-safety-committee', roles: ['admin'], sectors: ['*'], regions: ['*'], authority: 'city' },
    reviewer: { userId: 'rev-shenji', departmentId: 'dept-safety-committee', roles: ['reviewer'], sectors: ['*'], regions: ['*'] },
    system: SYSTEM_ACTOR,
  };
}

function departmentOf(sector: CatalogueEntry, index: number, city: RegionEntry): Department {
  const id = `dept-${sector.code}`;
  const person = (role: string, n: number) => `${role}-${sector.code}-${n}`;
  const scope = { departmentId: id, sectors: [sector.code], regions: [city.code] };
  return {
    id,
    name: `${city.name}${sector.name}安全监管部门`,
    sector: sector.code,
    inspectors: [1, 2, 3].map((n) => ({ userId: person('insp', n), roles: ['inspector'], ...scope })),
    countySupervisor: { userId: person('sup', 1), roles: ['supervisor'], authority: 'county', ...scope },
    citySupervisor: { userId: person('sup', 2), roles: ['supervisor'], authority: 'city', ...scope },
  };
}

/** The unit's own rectifier (整改责任人), who plans, rectifies and applies for closure. */
export function rectifierOf(unitId: string): Actor {
  return { userId: `rect-${unitId.slice(-6).toLowerCase()}`, departmentId: `unit-${unitId}`, roles: ['rectifier'], unitId };
}
