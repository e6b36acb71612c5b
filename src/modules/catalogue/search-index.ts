import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { DurationUnit } from './schema';
import type { SearchQuery } from './rules';
import type { ListFilter, ListItemRow } from './search-store';

/**
 * The catalogue as the public list and search read it, held in the process: a province has a few hundred
 * to a thousand procedures and they change only when a decision is published, while the portal searches
 * them on every keystroke. Loaded in one snapshot (3 statements), searched and paged in memory (no SQL),
 * dropped on every catalogue write in this process (`catalogueChanged`) and re-read after `TTL_MS` so that
 * another process's writes show within seconds (several app servers on one database).
 */
export const TTL_MS = 10_000;

type IndexedVersion = ListItemRow & {
  searchName: string;
  fieldId: number;
  from: string;
  to: string | null;
  abolished: boolean;
  allAgenciesOfLevel: boolean;
  agencies: Set<number>;
  /** The name's trigrams (pg_trgm's) in order, as ids of `trigramIds`, and how many distinct. */
  trigrams: Int32Array;
  distinctTrigrams: number;
};

type Snapshot = { versions: IndexedVersion[]; loadedAt: number; generation: number };

let generation = 0;
const snapshots = new WeakMap<object, Promise<Snapshot>>();

/** A catalogue write happened in this process: the next read loads a new snapshot. Call during and after commit. */
export function catalogueChanged(): void {
  generation++;
}

/** How many catalogue writes this process has seen: a cached read tagged with an older one is stale. */
export const catalogueGeneration = (): number => generation;

async function load(db: Executor): Promise<Snapshot> {
  const at = { loadedAt: Date.now(), generation };
  const [rows, fees, agencies] = await Promise.all([
    db
      .selectFrom('procedure_versions as v')
      .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
      .innerJoin('fields as f', 'f.id', 'v.field_id')
      .select([
        'v.id',
        'p.code',
        'v.name',
        'v.search_name',
        'v.field_id',
        'f.code as field_code',
        'f.name as field_name',
        'v.level',
        'v.deadline_value',
        'v.deadline_unit',
        'v.reduced_deadline_value',
        'v.reduced_deadline_unit',
        'v.channels',
        'v.online_level',
        'v.decision_type',
        'v.all_agencies_of_level',
        sql<string>`v.effective_from::text`.as('effective_from'),
        sql<string | null>`v.effective_to::text`.as('effective_to'),
      ])
      .execute(),
    db
      .selectFrom('procedure_fees')
      .select(['version_id', 'name', 'amount'])
      .orderBy('version_id')
      .orderBy('seq')
      .execute(),
    db.selectFrom('procedure_version_agencies').select(['version_id', 'agency_id']).execute(),
  ]);
  const feesOf = new Map<number, { name: string; amount: number }[]>();
  for (const f of fees) {
    const list = feesOf.get(f.version_id) ?? [];
    list.push({ name: f.name, amount: f.amount });
    feesOf.set(f.version_id, list);
  }
  const agenciesOf = new Map<number, Set<number>>();
  for (const a of agencies) {
    const set = agenciesOf.get(a.version_id) ?? new Set<number>();
    set.add(a.agency_id);
    agenciesOf.set(a.version_id, set);
  }
  const versions = rows.map((r): IndexedVersion => {
    const trigrams = nameTrigrams(r.search_name);
    return {
      versionId: r.id,
      code: r.code,
      name: r.name,
      field: { code: r.field_code, name: r.field_name },
      level: r.level,
      deadline: { value: r.deadline_value, unit: r.deadline_unit as DurationUnit },
      reducedDeadline:
        r.reduced_deadline_value === null
          ? null
          : { value: r.reduced_deadline_value, unit: r.reduced_deadline_unit as DurationUnit },
      fees: feesOf.get(r.id) ?? [],
      channels: r.channels,
      onlineLevel: r.online_level,
      searchName: r.search_name,
      fieldId: r.field_id,
      from: r.effective_from,
      to: r.effective_to,
      abolished: r.decision_type === 'abolished',
      allAgenciesOfLevel: r.all_agencies_of_level,
      agencies: agenciesOf.get(r.id) ?? new Set(),
      trigrams,
      distinctTrigrams: new Set(trigrams).size,
    };
  });
  // The list's order without a query: the folded name, then the code.
  versions.sort((a, b) => compare(a.searchName, b.searchName) || compare(a.code, b.code));
  return { versions, ...at };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The snapshot of `db`'s catalogue: loaded once, shared by concurrent readers, renewed after a write or TTL_MS. */
async function snapshot(db: Executor): Promise<Snapshot> {
  const cached = snapshots.get(db);
  if (cached) {
    const s = await cached;
    if (s.generation === generation && Date.now() - s.loadedAt < TTL_MS) return s;
    if (snapshots.get(db) !== cached) return snapshot(db);
  }
  const next = load(db);
  snapshots.set(db, next);
  next.catch(() => snapshots.get(db) === next && snapshots.delete(db));
  return next;
}

/** Versions in force on the filter's date, narrowed by field, level and implementing agency, in list order. */
function inForce(versions: readonly IndexedVersion[], f: ListFilter): IndexedVersion[] {
  return versions.filter(
    (v) =>
      v.from <= f.date &&
      (v.to === null || v.to > f.date) &&
      !v.abolished &&
      (f.fieldId === undefined || v.fieldId === f.fieldId) &&
      (f.level === undefined || v.level === f.level) &&
      (f.agency === undefined || (v.allAgenciesOfLevel && v.level === f.agency.level) || v.agencies.has(f.agency.id)),
  );
}

/** The versions in force, in name order (no query). */
export async function listInForce(db: Executor, f: ListFilter): Promise<ListItemRow[]> {
  return inForce((await snapshot(db)).versions, f);
}

/** pg_trgm's default `word_similarity_threshold`: what the operator `<%` accepted in SQL. */
const WORD_SIMILARITY_THRESHOLD = 0.6;

/**
 * Every version in force that the query matches: by code, by all its words inside the folded name, or
 * by trigram word similarity (typos) — the same predicates and `similarity` as pg_trgm computed in SQL.
 */
export async function searchInForce(db: Executor, f: ListFilter, q: SearchQuery) {
  const versions = inForce((await snapshot(db)).versions, f);
  const query = queryTrigrams(q.text);
  const code = q.code.toLowerCase();
  const out: (ListItemRow & { searchName: string; similarity: number })[] = [];
  for (const v of versions) {
    const shared = sharedTrigrams(query, v.trigrams);
    const matches =
      v.code.toLowerCase() === code ||
      q.words.every((w) => v.searchName.includes(w)) ||
      wordSimilarity(query, v.trigrams, shared) >= WORD_SIMILARITY_THRESHOLD;
    if (matches) out.push({ ...v, similarity: shared / (query.size + v.distinctTrigrams - shared) });
  }
  return out;
}

/** pg_trgm's trigrams of a folded text (words of [a-z0-9]): each word padded with two spaces before, one after. */
export function trigramsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  }
  return out;
}

/** Every trigram of a procedure name gets a small number, so that matching compares integers. */
const trigramIds = new Map<string, number>();
function idOf(t: string): number {
  let id = trigramIds.get(t);
  if (id === undefined) trigramIds.set(t, (id = trigramIds.size));
  return id;
}
/** A procedure name's trigrams in order, as ids. */
export function nameTrigrams(name: string): Int32Array {
  return Int32Array.from(trigramsOf(name), idOf);
}
/** Per-trigram marks, reset by moving `stamp` on (one array for the process; searches run one at a time). */
let seen = new Int32Array(0);
let stamp = 0;
function nextStamp(): number {
  if (seen.length < trigramIds.size || stamp === 0x7fffffff) {
    seen = new Int32Array(trigramIds.size * 2);
    stamp = 0;
  }
  return ++stamp;
}

/** A query's distinct trigrams: `size` counts them all, `mark` flags those that occur in some name. */
type QueryTrigrams = { size: number; mark: Uint8Array };
export function queryTrigrams(text: string): QueryTrigrams {
  const distinct = new Set(trigramsOf(text));
  const mark = new Uint8Array(trigramIds.size);
  for (const t of distinct) {
    const id = trigramIds.get(t); // user input never grows the dictionary
    if (id !== undefined) mark[id] = 1;
  }
  return { size: distinct.size, mark };
}

/** How many distinct trigrams of the query the name has: pg_trgm's `similarity` is shared / (query + name − shared). */
export function sharedTrigrams(q: QueryTrigrams, name: Int32Array): number {
  const s = nextStamp();
  let shared = 0;
  for (const id of name) {
    if (q.mark[id] && seen[id] !== s) {
      seen[id] = s;
      shared++;
    }
  }
  return shared;
}

/**
 * pg_trgm's `word_similarity(q, name)`: the greatest similarity between the query's trigrams and any
 * continuous extent of the name's ordered trigrams. Only extents that start and end on a shared trigram
 * can be the greatest; a name sharing too few trigrams to reach the threshold is not searched (the
 * bound shared / query is returned).
 */
export function wordSimilarity(q: QueryTrigrams, name: Int32Array, shared: number): number {
  if (q.size === 0) return 0;
  if (shared < WORD_SIMILARITY_THRESHOLD * q.size) return shared / q.size;
  let best = 0;
  for (let lower = 0; lower < name.length; lower++) {
    if (!q.mark[name[lower]]) continue;
    const s = nextStamp();
    let count = 0;
    let distinct = 0;
    for (let upper = lower; upper < name.length; upper++) {
      const id = name[upper];
      if (seen[id] !== s) {
        seen[id] = s;
        distinct++;
        if (q.mark[id]) count++;
      }
      if (q.mark[id]) best = Math.max(best, count / (q.size + distinct - count));
    }
  }
  return best;
}
