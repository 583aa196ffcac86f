// @ts-check
/**
 * Where a click on the dashboard leads: the console's hazard list filtered as the bar or row says, or a hazard's
 * dossier (隐患档案). The list takes `GET /hazards`' own parameter names (sector, regionCode, status, unitId, overdue…)
 * and ignores any it does not offer; the dashboard's period goes along as from/to.
 */

/** @typedef {import('./filters.js').Filter} Filter */

/**
 * @param {Filter} filter the dashboard's filter, narrowed further by what was clicked
 * @param {Record<string, string>} [more] e.g. `{ sector: 'gas' }`, `{ status: 'assigned' }`, `{ overdue: 'true' }`
 */
export function hazardListUrl(filter, more = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...more })) if (value) params.set(key, value);
  const query = params.toString();
  return `/console#/hazards${query ? `?${query}` : ''}`;
}

/** @param {string} hazardId */
export function dossierUrl(hazardId) {
  return `/console#/hazards/${encodeURIComponent(hazardId)}`;
}
