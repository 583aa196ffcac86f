// @ts-check
/**
 * The 校验 badge from `…/integrity`: the hash chain recomputed by the server from what is stored. A break
 * names the first event that no longer matches, so a reviewer knows from where the record cannot be trusted.
 */
import { el } from './dom.js';

const REASONS = { 'hash-mismatch': '内容与哈希不符', 'prev-hash-mismatch': '前序哈希不符', 'revision-gap': '版本不连续', 'missing-hash': '缺少哈希' };

/**
 * @param {{ valid: boolean, events: number, brokenAt?: { streamId: string, revision: number, position: number, reason: string } }} integrity
 */
export function integrityBadge(integrity) {
  if (integrity.valid) {
    return el('span', { class: 'badge ok', 'data-integrity': 'valid', 'data-events': integrity.events }, `校验通过 · ${integrity.events} 个事件`);
  }
  const at = integrity.brokenAt;
  const reason = at ? (new Map(Object.entries(REASONS)).get(at.reason) ?? at.reason) : '';
  return el(
    'span',
    { class: 'badge broken', 'data-integrity': 'broken', 'data-events': integrity.events, 'data-broken-revision': at?.revision },
    at ? `校验失败 · 自第 ${at.revision} 版（数据位置 ${at.position}）起：${reason}` : '校验失败',
  );
}
