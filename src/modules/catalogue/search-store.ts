import { sql } from 'kysely';
import type { Executor } from '../../db/database';
import type { DurationUnit } from './schema';
import type { SearchQuery } from './rules';

export type ListFilter = {
  /** YYYY-MM-DD: only versions in force on that day. */
  date: string;
  fieldId?: number;
  level?: string;
  agency?: { id: number; level: string };
};

/** Versions in force on the filter's date, narrowed by field, level and implementing agency. */
function inForce(db: Executor, f: ListFilter) {
  return db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .where('v.effective_from', '<=', f.date)
    .where((eb) => eb.or([eb('v.effective_to', 'is', null), eb('v.effective_to', '>', f.date)]))
    .where('v.decision_type', '!=', 'abolished')
    .$if(f.fieldId !== undefined, (qb) => qb.where('v.field_id', '=', f.fieldId!))
    .$if(f.level !== undefined, (qb) => qb.where('v.level', '=', f.level!))
    .$if(f.agency !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb.and([eb('v.all_agencies_of_level', '=', true), eb('v.level', '=', f.agency!.level)]),
          eb.exists(
            eb
              .selectFrom('procedure_version_agencies as va')
              .select('va.version_id')
              .whereRef('va.version_id', '=', 'v.id')
              .where('va.agency_id', '=', f.agency!.id),
          ),
        ]),
      ),
    );
}

/** A page of versions in force without a query, in name order. */
export async function pageInForce(
  db: Executor,
  f: ListFilter,
  offset: number,
  limit: number,
): Promise<{ ids: number[]; total: number }> {
  const [rows, count] = await Promise.all([
    inForce(db, f).select('v.id').orderBy('v.search_name').orderBy('p.code').offset(offset).limit(limit).execute(),
    inForce(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: count.n };
}

/**
 * Every version in force that the query matches: by code, by all its words inside the folded name,
 * or by trigram word similarity (typos). Both predicates use the trigram index.
 */
export async function searchCandidates(db: Executor, f: ListFilter, q: SearchQuery) {
  return inForce(db, f)
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['p.code']), '=', q.code.toLowerCase()),
        eb.and(q.words.map((w) => eb('v.search_name', 'like', `%${w}%`))),
        sql<boolean>`${q.text} OPERATOR(public.<%) v.search_name`,
      ]),
    )
    .select([
      'v.id',
      'p.code',
      'v.search_name as searchName',
      sql<number>`public.similarity(v.search_name, ${q.text})`.as('similarity'),
    ])
    .execute();
}

export type ListItemRow = {
  versionId: number;
  code: string;
  name: string;
  field: { code: string; name: string };
  level: string;
  deadline: { value: number; unit: DurationUnit };
  reducedDeadline: { value: number; unit: DurationUnit } | null;
  fees: { name: string; amount: number }[];
  channels: string[];
  onlineLevel: string;
};

/** The list items of the given versions, in the order of `ids`. */
export async function listItems(db: Executor, ids: number[]): Promise<ListItemRow[]> {
  if (ids.length === 0) return [];
  const [rows, fees] = await Promise.all([
    db
      .selectFrom('procedure_versions as v')
      .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
      .innerJoin('fields as f', 'f.id', 'v.field_id')
      .select([
        'v.id',
        'p.code',
        'v.name',
        'f.code as field_code',
        'f.name as field_name',
        'v.level',
        'v.deadline_value',
        'v.deadline_unit',
        'v.reduced_deadline_value',
        'v.reduced_deadline_unit',
        'v.channels',
        'v.online_level',
      ])
      .where('v.id', 'in', ids)
      .execute(),
    db
      .selectFrom('procedure_fees')
      .select(['version_id', 'name', 'amount'])
      .where('version_id', 'in', ids)
      .orderBy('version_id')
      .orderBy('seq')
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
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
      fees: fees.filter((f) => f.version_id === id).map((f) => ({ name: f.name, amount: f.amount })),
      channels: r.channels,
      onlineLevel: r.online_level,
    };
  });
}
