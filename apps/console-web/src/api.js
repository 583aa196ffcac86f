// @ts-check
/**
 * The console's side of the API: the reader's token and its reads. Everything the console shows comes from
 * here, under that token, so a reader sees exactly its own read scope. The token comes from `?token=` once
 * (then kept in localStorage and removed from the address bar) or from localStorage on every later load.
 */
import { tokenStore } from '../../dashboard-web/src/token-store.js';

const STORAGE_KEY = 'hazard-console.token';

/** An answer other than 2xx, with the zh-CN sentence the page shows for it. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} detail the API's own message
   */
  constructor(status, detail) {
    super(zhMessage(status, detail));
    this.status = status;
    this.detail = detail;
  }
}

/**
 * @param {number} status
 * @param {string} detail
 */
function zhMessage(status, detail) {
  switch (status) {
    case 401:
      return `令牌无效或已过期，请重新登录（${detail}）`;
    case 403:
      return `无权查看：您的角色或管辖范围不包含此内容（${detail}）`;
    case 404:
      return `未找到：记录不存在，或不在您的查阅范围内（${detail}）`;
    case 400:
      return `查询条件有误：${detail}`;
    default:
      return `服务暂时不可用（HTTP ${status}）：${detail}`;
  }
}

const tokens = tokenStore(STORAGE_KEY);

/** @returns {string | null} */
export const takeToken = () => tokens.take();

/** @param {string} token */
export const saveToken = (token) => tokens.save(token);

export const forgetToken = () => tokens.forget();

/**
 * The token's roles, read (not verified) from its payload: only to decide which menus to offer. The API
 * checks the signature and the roles on every request.
 * @param {string} token
 * @returns {{ sub: string, roles: string[] }}
 */
export function claimsOf(token) {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
    return { sub: String(json.sub ?? ''), roles: Array.isArray(json.roles) ? json.roles.map(String) : [] };
  } catch {
    return { sub: '', roles: [] };
  }
}

/**
 * @param {string} path under /api/v1
 * @param {string} token
 * @returns {Promise<Response>}
 */
async function get(path, token) {
  const response = await fetch(`/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(response.status, typeof body.message === 'string' ? body.message : `HTTP ${response.status}`);
  }
  return response;
}

/**
 * @param {string} path under /api/v1
 * @param {string} token
 * @returns {Promise<any>}
 */
export async function getJson(path, token) {
  return (await get(path, token)).json();
}

/**
 * The reference catalogue (no token). The browser revalidates it by its ETag.
 * @returns {Promise<import('../../dashboard-web/src/labels.js').Catalogue & { sources: Entry[], authorityLevels: Entry[], supervisionReasons: Entry[] }>}
 */
export async function getCatalogue() {
  const response = await fetch('/api/v1/catalogue', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new ApiError(response.status, 'GET /catalogue');
  return response.json();
}

/** @typedef {{ code: string, name: string }} Entry */

/** @param {Record<string, string | number | boolean | undefined>} params */
export function queryOf(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
