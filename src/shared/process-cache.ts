/**
 * Reference data held in the process for hot paths (docs/performance.md, "Freshness of the process
 * caches"): one map per database handle, so test apps in one process never share. An entry is read
 * again after `ttlMs`, or as soon as `generation()` has moved: every write of the data it holds bumps
 * that count in this process during its transaction and again after it ends, so a read made meanwhile
 * is dropped too. Another process's writes show after at most `ttlMs` (several app servers, one database).
 */
export const REFERENCE_TTL_MS = 10_000;

type Entry<V> = { value: Promise<V>; tag: unknown; loadedAt: number; generation: number };

export class ProcessCache<K, V> {
  readonly #maps = new WeakMap<object, Map<K, Entry<V>>>();

  constructor(
    private readonly generation: () => number,
    private readonly ttlMs = REFERENCE_TTL_MS,
    /** The most entries one owner keeps; past it the oldest goes (for keys without bound, like sessions). */
    private readonly maxEntries = Infinity,
  ) {}

  /**
   * The value of `key` in `owner`'s cache, `read` on a miss and shared by concurrent callers; a failed
   * read is not kept. With a `tag` (a date, say) the entry holds for that tag only: one entry per key.
   */
  get(owner: object, key: K, read: () => Promise<V>, tag?: unknown): Promise<V> {
    let map = this.#maps.get(owner);
    if (!map) this.#maps.set(owner, (map = new Map()));
    const generation = this.generation();
    const hit = map.get(key);
    if (hit && hit.tag === tag && hit.generation === generation && Date.now() - hit.loadedAt < this.ttlMs) {
      return hit.value;
    }
    const entry: Entry<V> = { value: read(), tag, loadedAt: Date.now(), generation };
    const cache = map;
    cache.delete(key); // set anew below, so that the map's order is the entries' age
    if (cache.size >= this.maxEntries) cache.delete(cache.keys().next().value as K);
    cache.set(key, entry);
    entry.value.catch(() => cache.get(key) === entry && cache.delete(key));
    return entry.value;
  }
}
