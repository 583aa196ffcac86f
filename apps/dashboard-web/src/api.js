// @ts-check
/**
 * The page's side of the API: the operator's token and JSON reads. The token comes from `?token=` once
 * (then kept in localStorage and removed from the address bar, so it is not left on the wall or in a
 * bookmark) or from localStorage on every later load.
 */
import { tokenStore } from './token-store.js';

/**
 * @typedef {object} Summary
 * @property {number} total
 * @property {Record<string, number>} byStatus
 * @property {Record<string, number>} bySector
 * @property {Record<string, number>} byRegion
 * @property {Record<string, number>} byLevel
 * @property {Record<string, number>} bySource
 * @property {number} rectificationRate 0..1
 * @property {number} onTimeRate 0..1
 * @property {number} overdue
 * @property {number} majorOpen
 * @property {number} underSupervision
 * @property {number} repeatRate 0..1
 * @property {number} position
 */

/**
 * @typedef {object} OverdueHazard
 * @property {string} hazardId
 * @property {string} unitName
 * @property {string} location
 * @property {string} sector
 * @property {string} regionCode
 * @property {string} level
 * @property {string | null} responsibleUnitId
 * @property {string | null} responsiblePerson
 * @property {string} deadline
 * @property {number} daysOverdue
 */

/**
 * @typedef {object} RepeatUnit
 * @property {number} rank
 * @property {string} unitId
 * @property {string} unitName
 * @property {number} foundAgain
 * @property {number} hazards
 * @property {number} repeatHazards
 */

/** @template T @typedef {{ items: T[], position: number }} List */

/**
 * `GET /dashboard/trend`: per month of TIME_ZONE, rectification cycles found (opened) and rectified (first verified).
 * @typedef {{ months: { month: string, found: number, rectified: number }[], position: number }} Trend
 */

const STORAGE_KEY = 'hazard-dashboard.token';

/** The API answered 401: the token is missing, malformed or expired. */
export class Unauthorized extends Error {}

const tokens = tokenStore(STORAGE_KEY);

/** @returns {string | null} */
export const takeToken = () => tokens.take();

/** @param {string} token */
export const saveToken = (token) => tokens.save(token);

export const forgetToken = () => tokens.forget();

/**
 * @template T
 * @param {string} path under /api/v1
 * @param {string} token
 * @returns {Promise<T>}
 */
export async function getJson(path, token) {
  const response = await fetch(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401) {
    const body = await response.json().catch(() => ({}));
    throw new Unauthorized(typeof body.message === 'string' ? body.message : 'HTTP 401');
  }
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.json();
}

/**
 * The reference catalogue the page names codes with. It needs no token, so it is asked for at once, while the
 * page may still be waiting for one; the browser revalidates it by its ETag.
 * @returns {Promise<import('./labels.js').Catalogue>}
 */
export async function getCatalogue() {
  const response = await fetch('/api/v1/catalogue', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /catalogue: HTTP ${response.status}`);
  return response.json();
}

/** @param {string} token */
export function streamUrl(token) {
  // EventSource cannot send an Authorization header: /stream accepts the token as a query parameter.
  return `/api/v1/stream?access_token=${encodeURIComponent(token)}`;
}
