import { CompiledQuery, sql, type Selectable } from 'kysely';
import { prepared, type Db, type Executor } from '../../db/database';
import { GroupCommit, groupPerOwner } from '../../shared/group-commit';
import { filesByEvent, type FileMeta } from './file-store';
import type { DossierComponentTable, DossierEventRow, DossierRow } from './tables';

export type NamedRef = { code: string; name: string };

export type EventDetail = {
  row: DossierEventRow;
  actorName: string;
  unit: NamedRef | null;
  agency: NamedRef | null;
  files: FileMeta[];
};

/** Everything the views, forms and public lookup of one dossier show. */
export type DossierDetail = {
  dossier: DossierRow;
  agency: NamedRef & { address: string | null };
  holder: { agency: NamedRef; unit: NamedRef | null; user: { id: number; fullName: string } | null };
  components: Selectable<DossierComponentTable>[];
  events: EventDetail[];
};

async function holderOf(db: Executor, d: DossierRow): Promise<DossierDetail['holder']> {
  const agency = await db
    .selectFrom('agencies')
    .select(['code', 'name'])
    .where('id', '=', d.holder_agency_id)
    .executeTakeFirstOrThrow();
  const unit =
    d.holder_unit_id === null
      ? null
      : await db
          .selectFrom('units')
          .select(['code', 'name'])
          .where('id', '=', d.holder_unit_id)
          .executeTakeFirstOrThrow();
  const user =
    d.holder_user_id === null
      ? null
      : await db
          .selectFrom('users')
          .select(['id', 'full_name as fullName'])
          .where('id', '=', d.holder_user_id)
          .executeTakeFirstOrThrow();
  return { agency, unit, user };
}

async function eventsOf(db: Executor, dossierId: number): Promise<EventDetail[]> {
  const rows = await db
    .selectFrom('dossier_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('units as un', 'un.id', 'e.actor_unit_id')
    .leftJoin('agencies as a', 'a.id', 'e.actor_agency_id')
    .selectAll('e')
    .select(['u.full_name as actor_name', 'un.code as unit_code', 'un.name as unit_name'])
    .select(['a.code as agency_code', 'a.name as agency_name'])
    .where('e.dossier_id', '=', dossierId)
    .orderBy('e.seq')
    .execute();
  const files = await filesByEvent(db, dossierId);
  return rows.map(({ actor_name, unit_code, unit_name, agency_code, agency_name, ...row }) => ({
    row,
    actorName: actor_name,
    unit: unit_code && unit_name ? { code: unit_code, name: unit_name } : null,
    agency: agency_code && agency_name ? { code: agency_code, name: agency_name } : null,
    files: files.get(row.id) ?? [],
  }));
}

export async function loadDetail(db: Executor, d: DossierRow): Promise<DossierDetail> {
  const agency = await db
    .selectFrom('agencies')
    .select(['code', 'name', 'address'])
    .where('id', '=', d.agency_id)
    .executeTakeFirstOrThrow();
  const components = await db
    .selectFrom('dossier_components')
    .selectAll()
    .where('dossier_id', '=', d.id)
    .orderBy('seq')
    .execute();
  return { dossier: d, agency, holder: await holderOf(db, d), components, events: await eventsOf(db, d.id) };
}

/**
 * What the public lookup shows, in one indexed query: the dossiers by code with the names of the unit
 * and agency holding them (the public answer needs neither the history nor the components).
 */
function publicQuery(db: Db, codes: string[]) {
  return db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.holder_agency_id')
    .leftJoin('units as u', 'u.id', 'd.holder_unit_id')
    .select(['d.code', 'd.procedure_name', 'd.status', 'd.received_at', 'd.due_at', 'd.resolved_at'])
    .select(['a.name as agency_name', 'u.name as unit_name'])
    .where('d.code', '=', sql<string>`any(${codes})`);
}
type PublicRow = Awaited<ReturnType<ReturnType<typeof publicQuery>['executeTakeFirstOrThrow']>>;

/**
 * Lookups read in one turn of the event loop share one query (shared/group-commit.ts, `gather: 'turn'`):
 * on this hot anonymous path each round trip to PostgreSQL costs more than the query, and the batches
 * run side by side rather than one at a time, which measured 5–20 % faster (docs/performance.md).
 * The query is compiled once per database (building it with Kysely on every request was the largest
 * share of the app's own CPU) and runs as a prepared statement with the codes as one array. A lookup
 * waits for no earlier query: its batch is sent after it arrived, so it reads the current state.
 */
const lookups = groupPerOwner((db: Db) => {
  const text = prepared(publicQuery(db, []).compile().sql);
  return new GroupCommit<string, PublicRow | undefined>(
    async (codes) => {
      const { rows } = await db.executeQuery<PublicRow>(CompiledQuery.raw(text, [[...new Set(codes)]]));
      const found = new Map(rows.map((r) => [r.code, r]));
      return codes.map((code) => ({ ok: true, value: found.get(code) }));
    },
    { maxBatch: 512, maxInFlight: Infinity, gather: 'turn' },
  );
});

/** The public lookup's row of a dossier by its code, if there is one. */
export function findPublic(db: Db, code: string): Promise<PublicRow | undefined> {
  return lookups(db).submit(code);
}

/** The code and name of units by id, in one query (none when no id is given). */
export async function unitNames(db: Executor, ids: readonly (number | null)[]): Promise<Map<number, NamedRef>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

/**
 * The detail of a dossier just created in this transaction, from the rows its inserts returned: what
 * `loadDetail` would read after the commit (six statements), less the reading. `users` and `units` name
 * those the dossier and its one event refer to (read with `unitNames` before the inserts).
 */
export async function newDossierDetail(
  db: Executor,
  rows: {
    dossier: DossierRow;
    agency: NamedRef & { id: number; address: string | null };
    components: Selectable<DossierComponentTable>[];
    event: DossierEventRow;
    hasFiles: boolean;
  },
  users: ReadonlyMap<number, string>,
  units: ReadonlyMap<number, NamedRef>,
): Promise<DossierDetail> {
  const { dossier: d, agency, event: e } = rows;
  const agencyRef = async (id: number): Promise<NamedRef> =>
    id === agency.id
      ? { code: agency.code, name: agency.name }
      : db.selectFrom('agencies').select(['code', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
  const userName = (id: number) => {
    const name = users.get(id);
    if (name === undefined) throw new Error(`user ${id} not given`);
    return name;
  };
  const files = rows.hasFiles ? await filesByEvent(db, d.id) : new Map<number, FileMeta[]>();
  const unit = (id: number | null) => (id === null ? null : (units.get(id) ?? null));
  return {
    dossier: d,
    agency: { code: agency.code, name: agency.name, address: agency.address },
    holder: {
      agency: await agencyRef(d.holder_agency_id),
      unit: unit(d.holder_unit_id),
      user: d.holder_user_id === null ? null : { id: d.holder_user_id, fullName: userName(d.holder_user_id) },
    },
    components: rows.components,
    events: [
      {
        row: e,
        actorName: userName(e.actor_user_id),
        unit: unit(e.actor_unit_id),
        agency: e.actor_agency_id === null ? null : await agencyRef(e.actor_agency_id),
        files: files.get(e.id) ?? [],
      },
    ],
  };
}
