import type { Db } from '../db/connection';

/**
 * Dashboard results per connection, until the data changes. A change is seen through `data_version` (commits
 * by other connections: imports and analysis jobs write from worker threads) and `total_changes()` (rows
 * this connection changed: triage, codebook edits). Everything is recomputed after any write, so a cached
 * result is never stale; most views are asked for again and again (switching back to a filter, returning
 * from a click-through), and those cost nothing.
 *
 * Kinds are kept apart, each with its own limit: the facts (tens of megabytes at a million responses, one
 * set), views (a byte per response each, a few) and chart results (small, many).
 */
const LIMITS = { facts: 1, view: 8, chart: 200 } as const;
type Kind = keyof typeof LIMITS;

const caches = new WeakMap<Db, { version: string; kinds: Map<Kind, Map<string, unknown>> }>();

function dataVersion(db: Db): string {
  return (
    String(db.prepare('SELECT total_changes()').pluck().get()) +
    ':' +
    String(db.pragma('data_version', { simple: true }))
  );
}

export function cached<T>(db: Db, kind: Kind, key: string, compute: () => T): T {
  const version = dataVersion(db);
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = { version, kinds: new Map() };
    caches.set(db, cache);
  }
  let results = cache.kinds.get(kind);
  if (!results) cache.kinds.set(kind, (results = new Map()));
  if (results.has(key)) {
    // Most recently used last, so the oldest goes first when full.
    const value = results.get(key) as T;
    results.delete(key);
    results.set(key, value);
    return value;
  }
  const value = compute();
  results.set(key, value);
  if (results.size > LIMITS[kind]) results.delete(results.keys().next().value!);
  return value;
}

/** Whether a result of this kind and key is kept for the data as it is now. */
export function isCached(db: Db, kind: Kind, key: string): boolean {
  const cache = caches.get(db);
  return cache?.version === dataVersion(db) && (cache.kinds.get(kind)?.has(key) ?? false);
}

/** Forgets a connection's results, or all but its facts (for measuring the cost of computing them). */
export function clearDashboardCache(db: Db, keep?: 'facts'): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const kind of cache.kinds.keys()) if (kind !== keep) cache.kinds.delete(kind);
}
