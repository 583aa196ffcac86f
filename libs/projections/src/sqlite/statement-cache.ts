import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * Prepares each SQL text once per connection: a catch-up applies hundreds of thousands of events with a
 * handful of statements. A statement survives a rebuild's table swap — SQLite re-prepares it on the new
 * schema by itself.
 */
export function statement(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
