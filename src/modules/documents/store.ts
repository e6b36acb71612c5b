import type { Executor } from '../../db/database';

/** The names of an agency and its ancestors, from the root of the tree down to the agency itself. */
export async function agencyChain(db: Executor, code: string): Promise<string[]> {
  const agency = await db.selectFrom('agencies').select('path').where('code', '=', code).executeTakeFirstOrThrow();
  const ids = agency.path.split('/').filter(Boolean).map(Number);
  const rows = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return ids.flatMap((id) => names.get(id) ?? []);
}
