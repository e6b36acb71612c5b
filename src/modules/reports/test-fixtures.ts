import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loginAs } from '../../../test/harness';
import type { Db } from '../../db/database';
import { addDays, isWeekend } from '../calendar/dates';
import { APPLICANT, BIRTH as TEST_BIRTH, act, importTestCatalogue, postDossier } from '../dossiers/test-support';

/** Agencies and procedures of the demo province the report tests use. */
export const WARD = '000.20.01.H40'; // UBND phường Hạ Long
export const OTHER_WARD = '000.20.02.H40'; // UBND phường Bãi Cháy
export const COMMUNE = '000.20.04.H40'; // UBND xã Quảng La
export const PROVINCE = '000.00.00.H40';
/** HO_TICH, 2 working days (reduced from 3); amended from 1/1/2026. */
export const MARITAL_STATUS = '1.004873';
/** HO_TICH, 4 working hours. */
export const BIRTH = '1.001193';
/** CHUNG_THUC, 4 working hours. */
export const CERTIFY = '2.000908';
/** VAN_HOA at commune level, 5 working days. */
export const FESTIVAL = '1.003645';
/** LAM_NGHIEP at commune level, 2 working days (reduced from 3). */
export const FOREST = '1.000045';

export type Line = Record<string, unknown>;

/** A Vietnam local time as api.md writes it. */
export const vn = (date: string, hm: string) => `${date}T${hm}:00+07:00`;

/** Adds minutes to a time written by `vn`, keeping the +07:00 form. */
export function plusMinutes(time: string, minutes: number): string {
  const local = new Date(new Date(time).getTime() + (7 * 60 + minutes) * 60_000).toISOString();
  return `${local.slice(0, 19)}+07:00`;
}

export const ndjson = (lines: Line[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

/** Writes an NDJSON file in a fresh temporary folder; `remove` deletes both. */
export async function writeNdjson(text: string): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-import-'));
  const file = join(dir, 'dossiers.ndjson');
  await writeFile(file, text);
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Monday to Friday from `from` to `to`, holidays included (a receipt on one counts from the next working day). */
export function weekdays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (!isWeekend(d)) days.push(d);
  return days;
}

/** A time of day between 08:00 and 11:59, spread by `i`. */
export const morning = (i: number) =>
  `${String(8 + (Math.floor(i / 7) % 4)).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}`;

export const channelOf = (i: number) => (i % 10 < 6 ? 'direct' : i % 10 < 9 ? 'online' : 'postal');

export async function importNdjson(app: FastifyInstance, headers: Record<string, string>, body: string) {
  return app.inject({
    method: 'POST',
    url: '/api/import/dossiers',
    headers: { ...headers, 'content-type': 'application/x-ndjson' },
    payload: body,
  });
}

export async function getJson(app: FastifyInstance, headers: Record<string, string>, url: string) {
  const res = await app.inject({ url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * Live dossiers through the dossier API at phường Hạ Long, now: two received at the desk, one online
 * and refused, one received then withdrawn, one online still waiting for the desk check.
 */
export async function liveDossiers(app: FastifyInstance, db: Db): Promise<void> {
  const components = (await importTestCatalogue(db))[TEST_BIRTH].slice(0, 2).map((componentId) => ({
    componentId,
    originals: 1,
  }));
  const reception = await loginAs(app, 'reception');
  const citizen = await loginAs(app, 'congdan');
  const intake = async (headers: Record<string, string>, channel: string) => {
    const body = { procedure: TEST_BIRTH, agency: WARD, channel, applicant: APPLICANT, components };
    const res = await postDossier(app, headers, body);
    if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
    return res.json() as { code: string; version: number };
  };
  const then = async (d: { code: string; version: number }, action: string) => {
    const res = await act(app, reception, d.code, action, { version: d.version, reason: 'Theo yêu cầu' });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
  };
  await intake(reception, 'direct');
  await intake(reception, 'postal');
  await then(await intake(citizen, 'online'), 'refuse');
  await then(await intake(reception, 'direct'), 'withdraw');
  await intake(citizen, 'online');
}

type AggregateRow = { agency_id: number; at: string; metric: string; key: string; n: number };

/**
 * The aggregates are what the dossiers say: the daily rows equal a recount of every dossier's facts,
 * and the monthly rows equal the daily rows summed by month.
 */
export async function assertAggregatesMatchDossiers(db: Db): Promise<void> {
  const keyed = (at: string, from: string, n: string) => sql<AggregateRow>`
    SELECT agency_id, ${sql.raw(at)}::text AS at, metric,
           format('%s|%s|%s|%s|%s', channel, field_code, procedure_code, unit_id, officer_id) AS key, ${sql.raw(n)}::int AS n
    FROM ${sql.raw(from)}
    GROUP BY agency_id, ${sql.raw(at)}, metric, channel, field_code, procedure_code, unit_id, officer_id
    HAVING ${sql.raw(n)} <> 0
    ORDER BY 1, 2, 3, 4`;
  const facts = `(SELECT d.agency_id, f.day, f.metric, d.channel, d.field_code, d.procedure_code,
      d.holder_unit_id AS unit_id, d.holder_user_id AS officer_id
    FROM dossiers d CROSS JOIN LATERAL statistics_facts(d.accepted_at, d.resolved_at, d.withdrawn_at, d.refused_at,
      d.resolution_timeliness) f) f`;
  const [daily, recount, monthly, rolledUp] = await Promise.all([
    keyed('day', 'statistics_daily', 'sum(n)').execute(db),
    keyed('day', facts, 'count(*)').execute(db),
    keyed('month', 'statistics_monthly', 'sum(n)').execute(db),
    keyed(`date_trunc('month', day)::date`, 'statistics_daily', 'sum(n)').execute(db),
  ]);
  assert.ok(daily.rows.length > 0, 'no statistics at all');
  assert.deepEqual(daily.rows, recount.rows, 'statistics_daily is not the recount of the dossiers');
  assert.deepEqual(monthly.rows, rolledUp.rows, 'statistics_monthly is not statistics_daily by month');
}
