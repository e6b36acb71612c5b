import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../test/harness';
import { APPLICANT, BIRTH, HA_LONG, act, importTestCatalogue, postDossier } from '../dossiers/test-support';
import { logins } from '../workflow/test-support';

/**
 * The ward's officers who walk a dossier of the test catalogue through its three steps, a second
 * officer of its desk (MC) who may return the result instead, and the demo citizen.
 */
export const WALKERS = ['reception', 'specialist', 'leader', 'u2001.lanhdao', 'u2001.mc1', 'congdan'] as const;
export type Users = Awaited<ReturnType<typeof logins>>;

export async function prepare(t: TestApp): Promise<{ users: Users; components: number[] }> {
  const [form, proof] = (await importTestCatalogue(t.db))[BIRTH];
  return { users: await logins(t.app, t.db, [...WALKERS]), components: [form, proof] };
}

export function ok(res: LightMyRequestResponse, status = 200) {
  assert.equal(res.statusCode, status, res.body);
  return res.json();
}

/**
 * A dossier of Hạ Long received at the desk (or filed online by the demo citizen and accepted), walked
 * through its steps to `until`: `assigned` (at the specialist), `resolved` (result ready) or `returned`
 * (by `returner`, the receptionist unless told).
 */
export async function walk(
  t: TestApp,
  ctx: { users: Users; components: number[] },
  until: 'assigned' | 'resolved' | 'returned',
  opts: { online?: boolean; files?: number[]; returner?: 'reception' | 'u2001.mc1' } = {},
): Promise<{ code: string; version: number }> {
  const online = opts.online ?? false;
  const u = ctx.users;
  const components = ctx.components.map((componentId) => ({ componentId, originals: 1 }));
  const body = {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: online ? 'online' : 'direct',
    applicant: APPLICANT,
    components,
    files: opts.files ?? [],
  };
  let d = ok(await postDossier(t.app, online ? u.congdan.headers : u.reception.headers, body), 201);
  const step = async (who: keyof Users & string, action: string, extra: object = {}) => {
    d = ok(await act(t.app, u[who].headers, d.code, action, { version: d.version, ...extra }));
  };
  if (online) {
    // The citizen's answer is the applicant's view; the desk reads the version it acts on.
    const read = async () => ok(await t.app.inject({ url: `/api/dossiers/${d.code}`, headers: u.reception.headers }));
    d = await read();
    await step('reception', 'accept'); // answers the receipt (Mẫu 01), not the dossier
    d = await read();
  }
  await step('reception', 'forward');
  await step('leader', 'assign', { assignee: u.specialist.id });
  if (until === 'assigned') return { code: d.code, version: d.version };
  await step('specialist', 'forward');
  await step('u2001.lanhdao', 'result-ready');
  if (until === 'returned') await step(opts.returner ?? 'reception', 'return');
  return { code: d.code, version: d.version };
}
