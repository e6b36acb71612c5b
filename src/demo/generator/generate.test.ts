import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDb } from '../../../test/harness';
import type { DbHandle } from '../../db/database';
import { dueAt, type DeadlineUnit } from '../../modules/calendar/rules';
import { loadWorkCalendar } from '../../modules/calendar/service';
import { replay } from '../../modules/dossiers/lifecycle';
import { checkPersonalId } from '../../modules/dossiers/identifiers';
import { eventOf, stateOf } from '../../modules/dossiers/store';
import { vietnamDay } from '../../modules/dossiers/rules';
import { resolutionTimeliness } from '../../modules/reports/rules';
import type { DossierStatisticsColumns } from '../../modules/reports/tables';
import { assertAggregatesMatchDossiers } from '../../modules/reports/test-fixtures';
import { seedDemo } from '../seed';
import { generateDossiers, type GenerateOptions } from './service';
import { dailyCounts } from './timeline';

/** Winter 2025–26 across Tết 2026 (17 February), as things stand on a Friday morning after it. */
const OPTIONS: GenerateOptions = {
  count: 300,
  from: '2025-12-01',
  to: '2026-02-27',
  asOf: new Date('2026-02-27T10:00:00+07:00'),
  seed: 42,
  batchSize: 70,
};

let a: DbHandle;
let b: DbHandle;
/** On a server, the same seed written with INSERT instead of COPY (copy.ts). */
let c: DbHandle | undefined;
before(async () => {
  [a, b] = await Promise.all([createTestDb(), createTestDb()]);
  await seedDemo(a.db);
  await seedDemo(b.db);
  await generateDossiers(a.db, OPTIONS);
  // On a server the second run writes two batches at once: the codes must not depend on which commits first.
  await generateDossiers(b.db, { ...OPTIONS, writers: b.kind === 'postgres' ? 2 : 1 });
  if (a.kind === 'postgres') {
    c = await createTestDb();
    await seedDemo(c.db);
    await generateDossiers(c.db, { ...OPTIONS, copy: false });
  }
});
after(async () => {
  await a.close();
  await b.close();
  await c?.close();
});

type Row = Record<string, unknown>;

/** Everything generated, keyed by dossier code: the surrogate ids depend on which batch committed first. */
const dump = async (h: DbHandle) => ({
  dossiers: (await sql<Row>`SELECT * FROM dossiers ORDER BY code`.execute(h.db)).rows.map(({ id: _id, ...d }) => d),
  events: (
    await sql<Row>`SELECT d.code, e.* FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
      ORDER BY d.code, e.seq`.execute(h.db)
  ).rows.map(({ id: _id, dossier_id: _dossier, ...e }) => e),
  steps: (
    await sql<Row>`SELECT d.code, s.* FROM dossier_steps s JOIN dossiers d ON d.id = s.dossier_id
      ORDER BY d.code, s.seq`.execute(h.db)
  ).rows.map(({ dossier_id: _dossier, ...s }) => s),
  ratings: (
    await sql<Row>`SELECT d.code, r.* FROM ratings r JOIN dossiers d ON d.id = r.dossier_id ORDER BY d.code`.execute(
      h.db,
    )
  ).rows.map(({ id: _id, dossier_id: _dossier, ...r }) => r),
});

test('the same seed gives identical dossiers, histories and processes', async () => {
  const [x, y] = await Promise.all([dump(a), dump(b)]);
  assert.equal(x.dossiers.length, 300);
  assert.deepEqual(x, y);
});

test('on a server, COPY writes the rows and statistics INSERT writes, and leaves the indexes the migrations made', async (t) => {
  if (!c) return t.skip('PGlite writes with INSERT only');
  const [x, y] = await Promise.all([dump(a), dump(c)]);
  assert.deepEqual(x, y);
  const statistics = (h: DbHandle) =>
    sql<Row>`SELECT * FROM statistics_daily ORDER BY agency_id, day, metric, channel, field_code, procedure_code,
      unit_id, officer_id`.execute(h.db);
  assert.deepEqual((await statistics(a)).rows, (await statistics(c)).rows);
  // a filled an empty table, so its secondary indexes were dropped and built again at the end (bulk-indexes.ts).
  const indexes = async (h: DbHandle) =>
    (
      await sql<{ name: string; def: string }>`SELECT indexname AS name,
        replace(indexdef, current_schema() || '.', '') AS def FROM pg_indexes
        WHERE schemaname = current_schema() ORDER BY indexname`.execute(h.db)
    ).rows;
  const [ia, ic] = await Promise.all([indexes(a), indexes(c)]);
  assert.ok(ia.some((i) => i.name === 'dossiers_applicant_name_idx'));
  assert.deepEqual(ia, ic);
});

test('every generated history replays to the stored state; codes are unique and name the agency and day of receipt', async () => {
  const dossiers = await a.db.selectFrom('dossiers').selectAll().execute();
  const events = await a.db.selectFrom('dossier_events').selectAll().orderBy('seq').execute();
  const agencies = new Map(
    (await a.db.selectFrom('agencies').select(['id', 'code']).execute()).map((x) => [x.id, x.code]),
  );
  for (const d of dossiers) {
    const history = events.filter((e) => e.dossier_id === d.id).map(eventOf);
    assert.deepEqual(replay(history), stateOf(d), d.code);
    assert.match(d.code, /^\d{3}\.\d{2}\.\d{2}\.H40-\d{6}-\d{4}$/);
    const day = vietnamDay(d.received_at);
    assert.ok(
      d.code.startsWith(`${agencies.get(d.agency_id)}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`),
    );
    assert.ok(d.received_at <= OPTIONS.asOf);
    assert.ok(checkPersonalId(d.applicant_id_number!, d.received_at).ok, d.applicant_id_number!);
  }
  assert.equal(new Set(dossiers.map((d) => d.code)).size, dossiers.length);
});

test('appointments come from the agency calendar and results are classified by the statistics rule', async () => {
  const dossiers = await a.db
    .withTables<{ dossiers: DossierStatisticsColumns }>()
    .selectFrom('dossiers')
    .selectAll()
    .where('accepted_at', 'is not', null)
    .execute();
  const calendars = new Map<number, Awaited<ReturnType<typeof loadWorkCalendar>>>();
  for (const d of dossiers) {
    if (!calendars.has(d.agency_id)) calendars.set(d.agency_id, await loadWorkCalendar(a.db, d.agency_id));
    const cal = calendars.get(d.agency_id)!;
    assert.deepEqual(d.original_due_at, dueAt(cal, d.accepted_at!, d.deadline_value, d.deadline_unit as DeadlineUnit));
    const expected = d.resolved_at ? resolutionTimeliness(d.resolved_at, d.original_due_at!) : null;
    assert.equal(d.resolution_timeliness, expected, d.code);
  }
});

test('the statistics aggregates add up to a count over the dossiers', async () => {
  const { rows: daily } = await sql<{ metric: string; n: number }>`
    SELECT metric, sum(n)::int AS n FROM statistics_daily GROUP BY metric ORDER BY metric`.execute(a.db);
  const { rows: counted } = await sql<{ metric: string; n: number }>`
    SELECT metric, count(*)::int AS n FROM (
      SELECT 'received' AS metric FROM dossiers WHERE accepted_at IS NOT NULL
      UNION ALL SELECT 'resolved_' || resolution_timeliness FROM dossiers WHERE resolved_at IS NOT NULL
      UNION ALL SELECT 'withdrawn' FROM dossiers WHERE withdrawn_at IS NOT NULL AND accepted_at IS NOT NULL
      UNION ALL SELECT 'refused' FROM dossiers WHERE refused_at IS NOT NULL) f
    GROUP BY metric ORDER BY metric`.execute(a.db);
  assert.deepEqual(daily, counted);
  await assertAggregatesMatchDossiers(a.db);
});

test('the mix looks like a province: mostly civil status and certification, a few late, open work in the inboxes', async () => {
  const { rows } = await sql<{ civil: number; online: number; late: number; open: number; steps: number }>`
    SELECT
      count(*) FILTER (WHERE field_code IN ('HO_TICH', 'CHUNG_THUC'))::int AS civil,
      count(*) FILTER (WHERE channel = 'online')::int AS online,
      count(*) FILTER (WHERE resolution_timeliness = 'late')::int AS late,
      count(*) FILTER (WHERE status = 'in_progress')::int AS open,
      (SELECT count(DISTINCT dossier_id)::int FROM dossier_steps) AS steps
    FROM dossiers`.execute(a.db);
  const m = rows[0];
  assert.ok(m.civil > 180 && m.civil < 300, `civil ${m.civil}`);
  assert.ok(m.online > 20, `online ${m.online}`);
  assert.ok(m.late > 0 && m.late < 40, `late ${m.late}`);
  assert.ok(m.open > 0);
  assert.equal(m.steps, m.open);
});

test('ratings: only returned dossiers, at most one each, by the channels and times the rating rules allow', async () => {
  const { rows } = await sql<{
    code: string;
    status: string;
    returned_at: Date | null;
    applicant_user_id: number | null;
    returner_unit: number | null;
    returner: number;
    resolution_timeliness: string | null;
    agency_id: number;
    procedure_code: string;
    r_agency: number;
    r_procedure: string;
    unit_id: number | null;
    officer_id: number | null;
    level: string;
    reasons: string[];
    comment: string | null;
    channel: string;
    rated_at: Date;
    rated_by: number | null;
  }>`SELECT d.code, d.status, d.returned_at, d.applicant_user_id, e.actor_unit_id AS returner_unit,
      e.actor_user_id AS returner, d.resolution_timeliness, d.agency_id, d.procedure_code, r.agency_id AS r_agency, r.procedure_code AS r_procedure,
      r.unit_id, r.officer_id, r.level, r.reasons, r.comment, r.channel, r.rated_at, r.rated_by
    FROM ratings r JOIN dossiers d ON d.id = r.dossier_id
      JOIN dossier_events e ON e.dossier_id = d.id AND e.action = 'return'`.execute(a.db);
  const { rows: counts } = await sql<{ returned: number; per: number }>`
    SELECT (SELECT count(*)::int FROM dossiers WHERE status = 'returned') AS returned,
      (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM ratings GROUP BY dossier_id) x) AS per`.execute(
    a.db,
  );
  const reception = new Set(
    (await a.db.selectFrom('user_roles').select('user_id').where('role', '=', 'reception').execute()).map(
      (r) => r.user_id,
    ),
  );
  assert.ok(counts[0].per <= 1);
  assert.ok(rows.length > counts[0].returned * 0.4 && rows.length < counts[0].returned * 0.8, `${rows.length}`);
  for (const r of rows) {
    assert.equal(r.status, 'returned', r.code);
    assert.ok(r.rated_at > r.returned_at! && r.rated_at <= OPTIONS.asOf, r.code);
    assert.deepEqual(
      [r.r_agency, r.r_procedure, r.unit_id, r.officer_id],
      [r.agency_id, r.procedure_code, r.returner_unit, r.returner],
      'a rating counts for the officer who returned the result, in their unit',
    );
    assert.ok(reception.has(r.officer_id!), r.code);
    assert.equal(r.level === 'not_satisfied', r.reasons.length > 0, r.code);
    if (r.reasons.includes('other')) assert.ok(r.comment, r.code);
    if (r.channel === 'kiosk') {
      assert.ok(r.rated_at.getTime() - r.returned_at!.getTime() <= 2 * 60 * 60_000, r.code);
      assert.ok(reception.has(r.rated_by!), r.code);
    } else if (r.channel === 'portal') {
      assert.equal(r.rated_by, r.applicant_user_id);
      assert.notEqual(r.rated_by, null);
    } else assert.equal(r.rated_by, null);
  }
  const share = (level: string) => rows.filter((r) => r.level === level).length / rows.length;
  assert.ok(share('very_satisfied') > 0.4 && share('not_satisfied') < 0.2, `${share('not_satisfied')}`);
  assert.deepEqual(new Set(rows.map((r) => r.channel)), new Set(['kiosk', 'portal', 'link']));
});

test('the weeks before Tết are busier than the weeks after it', () => {
  const days = dailyCounts('2026-01-01', '2026-03-31', 10_000);
  assert.equal(
    days.reduce((s, d) => s + d.count, 0),
    10_000,
  );
  const sum = (from: string, to: string) =>
    days.filter((d) => d.day >= from && d.day <= to).reduce((s, d) => s + d.count, 0);
  assert.ok(sum('2026-01-26', '2026-02-13') > sum('2026-03-02', '2026-03-20') * 1.5);
});
