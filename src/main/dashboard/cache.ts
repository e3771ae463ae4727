import type { Db } from '../db/connection';

/**
 * Dashboard results by request, per connection, until the data changes. A change is seen through
 * `data_version` (commits by other connections: imports and analysis jobs write from worker threads) and
 * `total_changes()` (rows this connection changed: triage, codebook edits). Charts are recomputed after any
 * write, so a cached result is never stale; most views are asked for again and again (switching back to a
 * filter, returning from a click-through), and those cost nothing.
 */
const MAX_ENTRIES = 200;
const caches = new WeakMap<Db, { version: string; results: Map<string, unknown> }>();

function dataVersion(db: Db): string {
  return (
    String(db.prepare('SELECT total_changes()').pluck().get()) +
    ':' +
    String(db.pragma('data_version', { simple: true }))
  );
}

export function cached<T>(db: Db, key: string, compute: () => T): T {
  const version = dataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, results: new Map() };
    caches.set(db, cache);
  }
  if (cache.results.has(key)) {
    // Most recently used last, so the oldest goes first when full.
    const value = cache.results.get(key) as T;
    cache.results.delete(key);
    cache.results.set(key, value);
    return value;
  }
  const value = compute();
  cache.results.set(key, value);
  if (cache.results.size > MAX_ENTRIES) cache.results.delete(cache.results.keys().next().value!);
  return value;
}

/** Forgets a connection's results (for measuring the cost of computing them). */
export function clearDashboardCache(db: Db): void {
  caches.delete(db);
}
