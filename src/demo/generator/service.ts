import { serverPoolOf, type Db } from '../../db/database';
import { vietnamDay } from '../../modules/dossiers/rules';
import { audit } from '../../shared/audit';
import { planDossier, type Pinned, type PlannedDossier } from './plan';
import { loadProvince, type Province } from './province';
import { seededRandom } from './random';
import { planRating } from './ratings';
import { deferIndexesIfEmpty } from './bulk-indexes';
import { copyBatch } from './copy';
import { codesFor, writeBatch } from './store';
import { dailyCounts } from './timeline';

export type GenerateOptions = {
  count: number;
  /** Vietnam days, inclusive; received times never pass `asOf`. */
  from: string;
  to: string;
  /** The generator's "now": what happened by then is history, the rest is still to come (open dossiers). */
  asOf: Date;
  seed: number;
  /** Dossiers per transaction and per INSERT statement. */
  batchSize?: number;
  /** Batches written at once, each on its own connection (PostgreSQL server; PGlite has one). */
  writers?: number;
  /** false: INSERT even on a PostgreSQL server, as on PGlite (the tests compare the two write paths). */
  copy?: boolean;
  /** Dossiers held at chosen steps now, filed after the others (the demo's inboxes). */
  pinned?: Pinned[];
  onProgress?: (done: number) => void;
};
export type GenerateReport = { dossiers: number; events: number; open: number; ratings: number; batches: number };

/**
 * Generates dossiers into the province already in the database, through the domain's rules (plan.ts),
 * day by day in order of receipt, `batchSize` per transaction with one INSERT per table.
 */
export async function generateDossiers(db: Db, opts: GenerateOptions): Promise<GenerateReport> {
  if (!Number.isInteger(opts.count) || opts.count < 0) throw new RangeError('count must be an integer ≥ 0');
  const batchSize = opts.batchSize ?? 2000;
  const province = await loadProvince(db);
  const rng = seededRandom(opts.seed);
  // Ratings draw from their own sequence, so the dossiers of a seed stay those generated before ratings were.
  const ratingRng = seededRandom((opts.seed ^ 0x9e3779b9) >>> 0);
  const report: GenerateReport = { dossiers: 0, events: 0, open: 0, ratings: 0, batches: 0 };
  let batch: PlannedDossier[] = [];
  // The database writes batches while the next ones are planned. Codes are taken first, one batch
  // after another in order of receipt, so they do not depend on which write finishes first.
  const writing: Promise<void>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const plans = batch;
    batch = [];
    const codes = await db.transaction().execute((tx) => codesFor(tx, plans));
    if (writing.length >= (opts.writers ?? 1)) await writing.shift();
    const done = write(plans, codes);
    done.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled meanwhile
    writing.push(done);
  };
  // On a PostgreSQL server the batches go in with COPY (copy.ts); PGlite's adapter has no COPY FROM STDIN.
  const pool = opts.copy === false ? undefined : serverPoolOf(db);
  // Only a superuser may switch the triggers off for its own session (copy.ts); others keep them.
  const bulk = pool
    ? (await pool.query<{ on: string }>(`SELECT current_setting('is_superuser') AS on`)).rows[0].on === 'on'
    : false;
  const write = async (plans: PlannedDossier[], codes: string[]) => {
    const auditEvent = {
      actorUserId: null,
      action: 'dossier.generate',
      entityType: 'dossier_generation',
      data: { seed: opts.seed, first: codes[0], last: codes[codes.length - 1], count: codes.length },
    };
    if (pool) await copyBatch(pool, plans, codes, auditEvent, bulk);
    else
      await db.transaction().execute(async (tx) => {
        await writeBatch(tx, plans, codes);
        await audit.record(tx, auditEvent);
      });
    report.dossiers += plans.length;
    report.events += plans.reduce((s, p) => s + p.events.length, 0);
    report.open += plans.filter((p) => p.steps).length;
    report.ratings += plans.filter((p) => p.rating).length;
    report.batches += 1;
    opts.onProgress?.(report.dossiers);
  };
  // A fresh load builds the big secondary indexes once at the end (bulk-indexes.ts), even after a failure.
  const rebuildIndexes = pool && bulk && opts.count > 0 ? await deferIndexesIfEmpty(pool) : null;
  try {
    for (const { day, count } of dailyCounts(opts.from, opts.to, opts.count)) {
      const plans = Array.from({ length: count }, () => planDossier(province, rng, day, opts.asOf));
      for (const p of plans.sort(byReceipt)) {
        p.rating = planRating(p, ratingRng, opts.asOf);
        batch.push(p);
        if (batch.length >= batchSize) await flush();
      }
    }
    batch.push(...pinnedPlans(province, opts).sort(byReceipt));
    await flush();
    await Promise.all(writing);
  } finally {
    await Promise.allSettled(writing);
    await rebuildIndexes?.();
  }
  if (pool && rebuildIndexes) {
    // What autovacuum does in its own time after a load, done now so the database is measured settled:
    // the planner's statistics, and the visibility map the backlog's index-only scans rely on.
    await pool.query(`VACUUM (ANALYZE) ${GENERATED_TABLES.join(', ')}`);
  }
  return report;
}

const GENERATED_TABLES = [
  'dossiers',
  'dossier_events',
  'dossier_steps',
  'ratings',
  'statistics_daily',
  'statistics_monthly',
];

const byReceipt = (a: PlannedDossier, b: PlannedDossier) => a.receivedAt.getTime() - b.receivedAt.getTime();

function pinnedPlans(province: Province, opts: GenerateOptions): PlannedDossier[] {
  const rng = seededRandom(opts.seed + 1);
  return (opts.pinned ?? []).map((pin) => {
    return planDossier(province, rng, vietnamDay(pin.receivedAt), opts.asOf, pin);
  });
}
