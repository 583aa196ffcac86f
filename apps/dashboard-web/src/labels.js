// @ts-check
/**
 * zh-CN names for the codes the API returns, from `GET /api/v1/catalogue` (the reference data the exports and
 * the CLI name codes with too). Before the catalogue has loaded, or for a code it lacks, a status or level is
 * named by the domain's own names below and anything else is shown as its code.
 */

/** @typedef {{ code: string, name: string }} Entry */

/**
 * @typedef {object} Catalogue the parts of `GET /api/v1/catalogue` the page labels with
 * @property {Entry[]} sectors
 * @property {(Entry & { parent?: string | null })[]} regions
 * @property {Entry[]} statuses
 * @property {Entry[]} levels
 */

/**
 * @typedef {object} Labels
 * @property {(code: string) => string} sector gas → 燃气
 * @property {(code: string) => string} region 330102 → 上城区, 33010201 → 上城区（33010201）
 * @property {(code: string) => string} status
 * @property {(code: string) => string} level
 */

/** The domain's value sets (STATUS_NAMES, LEVEL_NAMES): the same names GET /catalogue sends. */
const STATUS = { found: '已发现待交办', assigned: '整改中', rectified: '已整改待验收', verified: '已验收销号', reopened: '重新整改' };
const LEVEL = { general: '一般', major: '重大' };

/**
 * @param {Catalogue | null} catalogue null until it has loaded
 * @returns {Labels}
 */
export function labelsOf(catalogue) {
  const sectors = namesOf(catalogue?.sectors);
  const regions = namesOf(catalogue?.regions);
  const statuses = new Map([...Object.entries(STATUS), ...namesOf(catalogue?.statuses)]);
  const levels = new Map([...Object.entries(LEVEL), ...namesOf(catalogue?.levels)]);
  return {
    sector: (code) => sectors.get(code) ?? code,
    region: (code) => regionName(regions, code),
    status: (code) => statuses.get(code) ?? code,
    level: (code) => levels.get(code) ?? code,
  };
}

/**
 * As the server's `regionName`: the region's own name; else its longest catalogue prefix's name with the code
 * in full-width brackets; else the code. Hazards keep the regionCode they were reported with, which the
 * catalogue need not list.
 * @param {Map<string, string>} regions
 * @param {string} code
 */
function regionName(regions, code) {
  const own = regions.get(code);
  if (own !== undefined) return own;
  for (let length = code.length - 1; length > 0; length -= 1) {
    const enclosing = regions.get(code.slice(0, length));
    if (enclosing !== undefined) return `${enclosing}（${code}）`;
  }
  return code;
}

/**
 * A Map, not an object: a code such as `constructor` must not find a name on Object.prototype.
 * @param {Entry[] | undefined} entries
 * @returns {Map<string, string>}
 */
function namesOf(entries = []) {
  return new Map(entries.map(({ code, name }) => [code, name]));
}
