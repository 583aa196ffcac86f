// @ts-check
/** zh-CN names for the codes the API returns; an unknown code is shown as it is. */

/** @type {Record<string, string>} */
export const STATUS = { found: '已发现待交办', assigned: '整改中', rectified: '已整改待验收', verified: '已验收销号', reopened: '重新整改' };

/** @type {Record<string, string>} */
export const LEVEL = { general: '一般', major: '重大' };

/** @type {Record<string, string>} */
export const SECTOR = {
  gas: '燃气',
  fire: '消防',
  construction: '住建',
  housing: '房屋',
  transport: '交通',
  'hazardous-chemicals': '危化品',
  chemicals: '危化品',
  mining: '矿山',
  industry: '工贸',
  'special-equipment': '特种设备',
  market: '市场监管',
  education: '教育',
  health: '卫健',
  tourism: '文旅',
  water: '水利',
  power: '电力',
  emergency: '应急',
};

/**
 * @param {Record<string, string>} names
 * @param {string} code
 */
export function label(names, code) {
  return names[code] ?? code;
}
