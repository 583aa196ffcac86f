import { Actor } from '../shared/actor';
import { readScopeOf } from './read-scope';

/**
 * What a reader whose scope hides the source (a rectifier without an area role) never sees of any hazard,
 * wherever it appears — the state, an event's data, the trail, a list row: the finding's `source`, the tip it
 * answers (`tipNo`: 举报情况 is not disclosed to the reported unit) and `selfReported`, which is the source again
 * (self-check or not). Removed at any depth, so a field added to a finding later is hidden too.
 */
export const SOURCE_FIELDS: readonly string[] = ['source', 'tipNo', 'selfReported'];

const HIDDEN = new Set(SOURCE_FIELDS);

/** `value` as `actor` may see it: without SOURCE_FIELDS when its read scope hides the source, else unchanged. */
export function shownTo<T>(actor: Actor, value: T): T {
  return readScopeOf(actor).hidesSource ? withoutSource(value) : value;
}

/** A copy of JSON-shaped data without SOURCE_FIELDS at any depth. */
export function withoutSource<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutSource(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const kept = Object.entries(value).filter(([key]) => !HIDDEN.has(key));
  return Object.fromEntries(kept.map(([key, item]) => [key, withoutSource(item)])) as T;
}
