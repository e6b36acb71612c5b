import type { Db } from '../../db/database';
import { catalogueGeneration, TTL_MS } from './search-index';
import type { ProcedureVersionDetail } from './views';

type Entry = { date: string; version: Promise<ProcedureVersionDetail | null>; loadedAt: number; generation: number };

/**
 * The version of each procedure in force on each Vietnam date, held in the process for the intake's hot
 * path (8 statements a read). Same freshness as the catalogue snapshot (search-index.ts): dropped on every
 * catalogue write in this process, during and after its transaction, and re-read after `TTL_MS`.
 */
const caches = new WeakMap<Db, Map<string, Entry>>();

/** `read` runs on the caller's connection (a transaction's) on a miss; the result is shared by `db`'s users. */
export function cachedVersion(
  db: Db,
  code: string,
  date: string,
  read: () => Promise<ProcedureVersionDetail | null>,
): Promise<ProcedureVersionDetail | null> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  // One entry per procedure (the latest date asked), so the cache stays as small as the catalogue.
  const key = code;
  const hit = cache.get(key);
  const generation = catalogueGeneration();
  if (hit && hit.date === date && hit.generation === generation && Date.now() - hit.loadedAt < TTL_MS) {
    return hit.version;
  }
  const entry: Entry = { date, version: read(), loadedAt: Date.now(), generation };
  cache.set(key, entry);
  entry.version.catch(() => cache.get(key) === entry && cache.delete(key));
  return entry.version;
}
