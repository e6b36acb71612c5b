import assert from 'node:assert/strict';
import { items, listOk, next, type Case } from './scope-cases';

/** Scope cases of the identity and administration routes (agencies, units, users, roles). */
export const ADMIN_CASES: Record<string, Case> = {
  'GET /api/auth/me': { selfOnly: 'answers the caller’s own account only' },
  'POST /api/auth/logout': { selfOnly: 'ends the caller’s own session only' },
  'POST /api/auth/password': { selfOnly: 'changes the caller’s own password, checked against the current one' },
  'GET /api/notifications': { selfOnly: 'lists the caller’s own notifications only' },
  'GET /api/notifications/count': { selfOnly: 'counts the caller’s own notifications only' },
  'POST /api/notifications/read-all': { selfOnly: 'marks the caller’s own notifications only' },

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
};
