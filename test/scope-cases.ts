import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Ward } from './scope-fixtures';

/**
 * The shape of test/scope.test.ts's cases, one per route that needs a login: how ward A's user aims
 * the route at a ward's data, and what it must get for ward B's and for its own. The cases themselves
 * are in scope-cases-admin.ts and scope-cases-work.ts.
 */

/** A status, or a check of the whole answer (lists answer 200 with nothing of the other ward). */
export type Expect = number | ((res: LightMyRequestResponse, w: Ward) => void);

export type Case =
  | {
      request: (w: Ward) => InjectOptions;
      /** Ward A's user who makes the request (default: its administrator). */
      as?: string;
      /** Against the other ward's data. */
      otherWard: Expect;
      /** Against one's own ward's data; null when no ward-level user may call the route, with `why`. */
      ownWard: Expect;
    }
  | { request: (w: Ward) => InjectOptions; otherWard: 403; ownWard: null; why: string }
  | { selfOnly: string };

export const OWN = '000.20.01.H40'; // UBND phường Hạ Long
export const OTHER = '000.20.02.H40'; // UBND phường Bãi Cháy
export const WARD_ADMIN = 'u2001.quantri';
export const WARD_RECEPTION = 'reception';
/** Every officer of ward A: each one's request against ward B must be refused. */
export const WARD_USERS = [WARD_ADMIN, WARD_RECEPTION, 'specialist', 'leader', 'u2001.vhxhlead', 'u2001.lanhdao'];

let n = 0;
/** A fresh number for unique codes, usernames and keys across the whole run. */
export const next = () => String(++n).padStart(2, '0');
export const nextDate = () => new Date(Date.UTC(2031, 6, ++n)).toISOString().slice(0, 10);
export const items = (res: LightMyRequestResponse) => res.json().items as Record<string, unknown>[];
export const listOk = (res: LightMyRequestResponse) => assert.equal(res.statusCode, 200, res.body);
export const transition = (d: { code: string; version: number }, action: string, body: object): InjectOptions => ({
  method: 'POST',
  url: `/api/dossiers/${d.code}/${action}`,
  payload: { version: d.version, ...body },
});
