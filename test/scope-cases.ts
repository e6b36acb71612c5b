import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { procedureEntry, type Ward } from './scope-fixtures';

/**
 * The scope cases of test/scope.test.ts, one per route that needs a login: how ward A's administrator
 * aims the route at a ward's data, what it must get for ward B's and for its own.
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
const next = () => String(++n).padStart(2, '0');
const nextDate = () => new Date(Date.UTC(2031, 6, ++n)).toISOString().slice(0, 10);
const items = (res: LightMyRequestResponse) => res.json().items as Record<string, unknown>[];
const listOk = (res: LightMyRequestResponse) => assert.equal(res.statusCode, 200, res.body);
const transition = (d: { code: string; version: number }, action: string, body: object): InjectOptions => ({
  method: 'POST',
  url: `/api/dossiers/${d.code}/${action}`,
  payload: { version: d.version, ...body },
});

export const CASES: Record<string, Case> = {
  'GET /api/auth/me': { selfOnly: 'answers the caller’s own account only' },
  'POST /api/auth/logout': { selfOnly: 'ends the caller’s own session only' },
  'POST /api/auth/password': { selfOnly: 'changes the caller’s own password, checked against the current one' },

  'GET /api/admin/agencies': {
    request: () => ({ url: '/api/admin/agencies' }),
    otherWard: (res, w) => {
      listOk(res);
      assert.equal(
        items(res).some((a) => a.code === w.code),
        false,
      );
    },
    ownWard: (res, w) => assert.deepEqual(items(res)[0].code, w.code),
  },
  'POST /api/admin/agencies': {
    request: (w) => ({
      method: 'POST',
      url: '/api/admin/agencies',
      payload: {
        code: `${w.code.slice(0, 9)}.A${next()}`,
        name: 'Tổ dân phố',
        level: 'commune',
        kind: 'department',
        parentCode: w.code,
      },
    }),
    otherWard: 403,
    ownWard: 201,
  },
  'GET /api/admin/agencies/:code': {
    request: (w) => ({ url: `/api/admin/agencies/${w.code}` }),
    otherWard: 403,
    ownWard: 200,
  },
  'PATCH /api/admin/agencies/:code': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/admin/agencies/${w.code}`,
      payload: { address: `Số ${next()} đường Hạ Long` },
    }),
    otherWard: 403,
    ownWard: 200,
  },
  'GET /api/admin/agencies/:code/units': {
    request: (w) => ({ url: `/api/admin/agencies/${w.code}/units` }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/admin/agencies/:code/units': {
    request: (w) => ({
      method: 'POST',
      url: `/api/admin/agencies/${w.code}/units`,
      payload: { code: `S${next()}`, name: 'Tổ công tác', kind: 'specialist' },
    }),
    otherWard: 403,
    ownWard: 201,
  },
  'PATCH /api/admin/units/:id': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/admin/units/${w.unitId}`,
      payload: { name: `Bộ phận Một cửa ${next()}` },
    }),
    otherWard: 403,
    ownWard: 200,
  },
  'GET /api/admin/users': {
    request: (w) => ({ url: `/api/admin/users?q=${w.username}` }),
    otherWard: (res) => {
      listOk(res);
      assert.deepEqual(items(res), []);
    },
    ownWard: (res, w) =>
      assert.deepEqual(
        items(res).map((u) => u.username),
        [w.username],
      ),
  },
  'POST /api/admin/users': {
    request: (w) => ({
      method: 'POST',
      url: '/api/admin/users',
      payload: {
        username: `scope.${next()}`,
        fullName: 'Lê Thị Phạm Vi',
        password: 'PhamVi2026',
        roles: [{ role: 'specialist', agency: w.code }],
      },
    }),
    otherWard: 403,
    ownWard: 201,
  },
  'GET /api/admin/users/:id': {
    request: (w) => ({ url: `/api/admin/users/${w.userId}` }),
    otherWard: 404,
    ownWard: 200,
  },
  'PATCH /api/admin/users/:id': {
    request: (w) => ({
      method: 'PATCH',
      url: `/api/admin/users/${w.userId}`,
      payload: { email: `mc${next()}@example.vn` },
    }),
    otherWard: 404,
    ownWard: 200,
  },
  'PUT /api/admin/users/:id/password': {
    request: (w) => ({
      method: 'PUT',
      url: `/api/admin/users/${w.userId}/password`,
      payload: { password: 'DoiMoi2026' },
    }),
    otherWard: 404,
    ownWard: 204,
  },
  'POST /api/admin/users/:id/unlock': {
    request: (w) => ({ method: 'POST', url: `/api/admin/users/${w.userId}/unlock` }),
    otherWard: 404,
    ownWard: 204,
  },
  'POST /api/admin/users/:id/roles': {
    request: (w) => ({
      method: 'POST',
      url: `/api/admin/users/${w.userId}/roles`,
      payload: { role: 'unit_leader', agency: w.code, unitId: w.unitId },
    }),
    otherWard: 404,
    ownWard: 201,
  },
  'DELETE /api/admin/users/:id/roles/:roleId': {
    request: (w) => ({ method: 'DELETE', url: `/api/admin/users/${w.userId}/roles/${w.extraGrantId}` }),
    otherWard: 404,
    ownWard: 204,
  },

  'PUT /api/calendar/days/:date': {
    request: (w) => ({
      method: 'PUT',
      url: `/api/calendar/days/${nextDate()}?agency=${w.code}`,
      payload: { working: false, name: 'Nghỉ theo quyết định của UBND phường' },
    }),
    otherWard: 403,
    ownWard: 200,
  },
  'DELETE /api/calendar/days/:date': {
    request: (w) => ({ method: 'DELETE', url: `/api/calendar/days/${w.dayOff}?agency=${w.code}` }),
    otherWard: 403,
    ownWard: 204,
  },
  'PUT /api/calendar/agencies/:code/settings': {
    request: (w) => ({
      method: 'PUT',
      url: `/api/calendar/agencies/${w.code}/settings`,
      payload: {
        officeHours: [
          { start: '07:00', end: '11:30' },
          { start: '13:30', end: '17:00' },
        ],
        cutoff: '15:30',
      },
    }),
    otherWard: 403,
    ownWard: 200,
  },

  'PUT /api/fields/:code': {
    request: () => ({ method: 'PUT', url: `/api/fields/PV_${next()}`, payload: { name: 'Lĩnh vực mới' } }),
    otherWard: 403,
    ownWard: null,
    why: 'fields are the province’s catalogue: the province administrator only',
  },
  'POST /api/procedures': {
    request: (w) => ({ method: 'POST', url: '/api/procedures', payload: procedureEntry(`PV.N${next()}`, w.code) }),
    otherWard: 403,
    ownWard: 201,
  },
  'POST /api/procedures/:code/versions': {
    request: (w) => {
      const {
        code: _code,
        decision: _decision,
        ...content
      } = procedureEntry(w.procedure, w.code, `Thủ tục sửa đổi ${next()}`);
      const decision = {
        number: `2${next()}/QĐ-UBND`,
        date: '2031-01-02',
        type: 'amended',
        effectiveFrom: '2031-02-01',
      };
      return { method: 'POST', url: `/api/procedures/${w.procedure}/versions`, payload: { ...content, decision } };
    },
    otherWard: 403,
    ownWard: 201,
  },
  'POST /api/procedures/:code/abolish': {
    request: (w) => ({
      method: 'POST',
      url: `/api/procedures/${w.abolishable}/abolish`,
      payload: { decision: { number: `3${next()}/QĐ-UBND`, date: '2031-01-02', effectiveFrom: '2031-03-01' } },
    }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/procedures/import': {
    request: (w) => ({
      method: 'POST',
      url: '/api/procedures/import',
      payload: { procedures: [procedureEntry(`PV.I${next()}`, w.code)] },
    }),
    // An import reports each entry: the other ward's is rejected, nothing is created.
    otherWard: (res) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        [res.json().created, res.json().rejected.map((r: { errorCode: string }) => r.errorCode)],
        [0, ['FORBIDDEN']],
      );
    },
    ownWard: (res) => assert.deepEqual([res.statusCode, res.json().created], [200, 1]),
  },

  'POST /api/dossiers': {
    as: WARD_RECEPTION,
    request: (w) => ({
      method: 'POST',
      url: '/api/dossiers',
      headers: { 'idempotency-key': `scope-case-${next()}` },
      payload: {
        procedure: w.procedure,
        agency: w.code,
        channel: 'direct',
        applicant: { fullName: 'Đinh Văn Phúc', idNumber: '022088001122' },
      },
    }),
    otherWard: 403,
    ownWard: 201,
  },
  'GET /api/dossiers': {
    as: WARD_RECEPTION,
    request: (w) => ({ url: `/api/dossiers?agency=${w.code}&pageSize=100` }),
    otherWard: (res) => {
      listOk(res);
      assert.deepEqual([items(res), res.json().total], [[], 0]);
    },
    ownWard: (res, w) => assert.ok(items(res).some((d) => d.code === w.dossiers.received.code)),
  },
  'GET /api/dossiers/:code': {
    as: WARD_RECEPTION,
    request: (w) => ({ url: `/api/dossiers/${w.dossiers.received.code}` }),
    otherWard: 403,
    ownWard: 200,
  },
  'GET /api/dossiers/:code/forms/:form': {
    as: WARD_RECEPTION,
    request: (w) => ({ url: `/api/dossiers/${w.dossiers.received.code}/forms/receipt` }),
    otherWard: 403,
    ownWard: 200,
  },
  'GET /api/dossiers/:code/files/:fileId': {
    as: WARD_RECEPTION,
    request: (w) => ({ url: `/api/dossiers/${w.dossiers.received.code}/files/${w.fileId}` }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/accept': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.dossiers.toAccept, 'accept', {}),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/request-supplement': {
    as: WARD_RECEPTION,
    request: (w) =>
      transition(w.dossiers.toSupplement, 'request-supplement', {
        items: [{ name: 'Tờ khai', reason: 'Thiếu chữ ký' }],
      }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/resubmit': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.dossiers.toResubmit, 'resubmit', { comment: 'Đã bổ sung chữ ký' }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/refuse': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.dossiers.toRefuse, 'refuse', { reason: 'Không thuộc thẩm quyền' }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/withdraw': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.dossiers.toWithdraw, 'withdraw', { reason: 'Người nộp xin rút' }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossier-files': {
    selfOnly: 'stages an upload owned by its uploader; only the uploader can attach it, through an action in scope',
  },
};
