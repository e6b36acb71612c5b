import assert from 'node:assert/strict';
import { findVersionInForce } from '../src/modules/catalogue/service';
import { intakeDossier } from '../src/modules/dossiers/intake-service';
import type { Channel } from '../src/modules/dossiers/lifecycle';
import type { DossierStatisticsColumns } from '../src/modules/reports/tables';
import { logins } from '../src/modules/workflow/test-support';
import type { TestApp } from './harness';

/**
 * The lifecycle scenarios (issue: "every expected status, due time and history entry asserted") act at
 * fixed instants through the services, which take the time as their last argument, on the demo
 * province and its catalogue; they read through the API as users would.
 */

export type Users = Awaited<ReturnType<typeof logins>>;

export const APPLICANT = {
  kind: 'person' as const,
  fullName: 'Trần Văn Bình',
  idNumber: '022090012345',
  phone: '0912345678',
  email: 'binh.tran@example.vn',
  address: 'Tổ 5, khu 3, phường Hạ Long',
};

let keys = 0;

/** Receives a dossier of `procedure` with every required component, at `at`. */
export async function receive(
  t: TestApp,
  users: Users,
  who: string,
  q: { procedure: string; agency: string; at: string; channel?: Channel },
): Promise<string> {
  const at = new Date(q.at);
  const version = await findVersionInForce(t.db, q.procedure, at);
  assert.ok(version, `${q.procedure} in force on ${q.at}`);
  const components = version.components
    .filter((c) => c.required)
    .map((c) => ({ componentId: c.id, originals: c.originals, copies: c.copies, files: [] }));
  const result = await intakeDossier(
    t.db,
    users[who].principal,
    {
      procedure: q.procedure,
      agency: q.agency,
      channel: q.channel ?? 'direct',
      applicant: APPLICANT,
      components,
      files: [],
    },
    `scenario-${process.pid}-${++keys}`,
    at,
  );
  return result.dossier.code;
}

/** GET a dossier with its history, as `who` sees it. */
export async function dossier(t: TestApp, users: Users, who: string, code: string) {
  const res = await t.app.inject({ url: `/api/dossiers/${code}`, headers: users[who].headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

export async function processOf(t: TestApp, users: Users, who: string, code: string) {
  const res = await t.app.inject({ url: `/api/dossiers/${code}/process`, headers: users[who].headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

type HistoryItem = {
  action: string;
  toStatus: string;
  at: string;
  actor: { id: number };
  data: Record<string, unknown>;
};

/** The history as [action, status after, when, who] with who as the username. */
export function historyOf(users: Users, history: HistoryItem[]) {
  const names = new Map(Object.entries(users).map(([name, x]) => [x.id, name]));
  return history.map((h) => [h.action, h.toStatus, h.at, names.get(h.actor.id) ?? h.actor.id]);
}

/** The step each event started and when that step was due, for events that moved the dossier. */
export const stepDues = (history: HistoryItem[]) =>
  history.filter((h) => h.data.stepDueAt).map((h) => [(h.data.step as { seq: number }).seq, h.data.stepDueAt]);

/** Early / on time / late of each completed step, in the order of the history. */
export const timeliness = (history: HistoryItem[]) =>
  history.filter((h) => h.data.timeliness).map((h) => [h.data.completedStep, h.data.timeliness]);

/** How statistics classify the dossier's result (`dossiers.resolution_timeliness`). */
export async function resolutionOf(t: TestApp, code: string): Promise<string | null> {
  const row = await t.db
    .withTables<{ dossiers: DossierStatisticsColumns }>()
    .selectFrom('dossiers')
    .select('resolution_timeliness')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.resolution_timeliness;
}
