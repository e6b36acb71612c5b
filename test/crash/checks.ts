/** What the database must hold after the crash and the resends, read directly rather than through the API. */
import type { Db } from '../../src/db/database';

export type DatabaseCheck = {
  violations: string[];
  dossiers: number;
  /** Dossiers beyond one per key. */
  duplicates: number;
  incompleteHistories: number;
};

/**
 * `expected` is every request's key with the code its resend was answered with. The database must hold
 * exactly those dossiers: one per key, bound to that key, distinct codes, and a history that starts with
 * the intake and has one event per version.
 */
export async function checkDatabase(db: Db, expected: { key: string; code: string | null }[]): Promise<DatabaseCheck> {
  const violations: string[] = [];
  const dossiers = await db.selectFrom('dossiers').select(['id', 'code', 'version']).execute();
  const bound = await db
    .selectFrom('idempotency_keys as k')
    .leftJoin('dossiers as d', 'd.id', 'k.dossier_id')
    .select(['k.key', 'd.code'])
    .execute();
  const events = await db.selectFrom('dossier_events').select(['dossier_id', 'seq', 'action']).orderBy('seq').execute();

  if (dossiers.length !== expected.length) {
    violations.push(`${dossiers.length} dossiers in the database for ${expected.length} requests`);
  }
  const codes = new Set(dossiers.map((d) => d.code));
  if (codes.size !== dossiers.length) violations.push(`${dossiers.length - codes.size} dossier codes are repeated`);

  const codeOfKey = new Map(bound.map((b) => [b.key, b.code]));
  if (bound.length !== expected.length) {
    violations.push(`${bound.length} idempotency keys stored for ${expected.length} requests`);
  }
  for (const { key, code } of expected) {
    if (codeOfKey.get(key) !== code) {
      violations.push(`${key}: answered with ${code}, bound to ${codeOfKey.get(key) ?? 'nothing'} in the database`);
    }
  }
  const duplicates = Math.max(0, dossiers.length - new Set(bound.map((b) => b.code).filter(Boolean)).size);
  if (duplicates > 0) violations.push(`${duplicates} dossiers belong to no idempotency key`);

  const historyOf = new Map<number, { seq: number; action: string }[]>();
  for (const e of events) historyOf.set(e.dossier_id, [...(historyOf.get(e.dossier_id) ?? []), e]);
  let incompleteHistories = 0;
  for (const d of dossiers) {
    const history = historyOf.get(d.id) ?? [];
    const complete =
      history.length === d.version && history.every((e, i) => e.seq === i + 1) && history[0]?.action === 'receive';
    if (!complete) {
      incompleteHistories++;
      violations.push(`${d.code}: history ${JSON.stringify(history)} does not match its version ${d.version}`);
    }
  }
  return { violations, dossiers: dossiers.length, duplicates, incompleteHistories };
}
