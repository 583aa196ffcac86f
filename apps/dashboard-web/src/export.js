// @ts-check
/**
 * 导出: the API's own downloads (`?format=csv|xlsx` of the lists), under the dashboard's filters. A link cannot send
 * the token, so the file is fetched with it and handed to the browser as a download, named as the server names it.
 */
import { queryOf } from './filters.js';

/** @typedef {import('./filters.js').Filter} Filter */

/**
 * @param {'overdue' | 'repeat-units' | 'departments'} list
 * @param {'csv' | 'xlsx'} format
 * @param {Filter} filter
 * @param {string} token
 */
export async function downloadList(list, format, filter, token) {
  const path = `/api/v1/dashboard/${list}${queryOf(filter, { format })}`;
  const response = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? `${list}.${format}`;
  link.dataset.download = path;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * The zh-CN name of `filename*=UTF-8''…`, else the plain `filename="…"`.
 * @param {string | null} disposition
 */
function fileNameOf(disposition) {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}
