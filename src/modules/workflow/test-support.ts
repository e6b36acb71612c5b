import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/database';
import { authenticate } from '../identity/service';
import type { Principal } from '../identity/rules';
import { loginAs } from '../../../test/harness';

/** Logs in through the API; returns the bearer headers, the principal and the user id of each user. */
export async function logins(app: FastifyInstance, db: Db, usernames: readonly string[]) {
  const users: Record<string, { headers: Record<string, string>; principal: Principal; id: number }> = {};
  for (const u of usernames) {
    const headers = await loginAs(app, u);
    const session = await authenticate(db, headers.authorization.slice('Bearer '.length));
    users[u] = { headers, principal: session!.principal, id: session!.principal.userId };
  }
  return users;
}

/** A workflow request on a dossier, with the version the caller saw. */
export function post(
  app: FastifyInstance,
  headers: Record<string, string>,
  code: string,
  action: string,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/dossiers/${code}/${action}`, headers, payload });
}

/** Asserts the status and the error code of a refused request. */
export function refused(res: LightMyRequestResponse, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  assert.equal(res.json().error.code, code);
}

/** Asserts a 200 and answers the dossier with its process. */
export function ok(res: LightMyRequestResponse) {
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** A step of the process as the tests compare it: where it is, who holds it, and its times. */
export const stepSummary = (s: {
  seq: number;
  unit: { code: string };
  agency: { code: string };
  assignee: { id: number } | null;
  startedAt: string | null;
  dueAt: string;
  completedAt: string | null;
  timeliness: string | null;
}) => [s.seq, s.agency.code, s.unit.code, s.assignee?.id ?? null, s.startedAt, s.dueAt, s.completedAt, s.timeliness];
