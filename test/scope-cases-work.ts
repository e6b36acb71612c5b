import assert from 'node:assert/strict';
import { WARD_RECEPTION, items, listOk, next, nextDate, transition, type Case } from './scope-cases';
import { procedureEntry } from './scope-fixtures';
import { multipartFile } from '../src/modules/dossiers/test-support';

/** Scope cases of the routes of the work itself: calendar, catalogue, dossiers, notifications. */
export const WORK_CASES: Record<string, Case> = {
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
  'PUT /api/procedures/:code/components/:seq/template': {
    request: (w) => {
      const body = multipartFile('to-khai.pdf', 'application/pdf', Buffer.from(`%PDF-1.4\n% ${next()}\n%%EOF\n`));
      return {
        method: 'PUT',
        url: `/api/procedures/${w.procedure}/components/1/template`,
        payload: body.payload,
        headers: body.headers,
      };
    },
    otherWard: 403,
    ownWard: 200,
  },
  'DELETE /api/procedures/:code/components/:seq/template': {
    request: (w) => ({ method: 'DELETE', url: `/api/procedures/${w.procedure}/components/1/template` }),
    otherWard: 403,
    ownWard: 204,
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
  'GET /api/dossiers/:code/forms/:form.pdf': {
    as: WARD_RECEPTION,
    request: (w) => ({ url: `/api/dossiers/${w.dossiers.received.code}/forms/receipt.pdf` }),
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
  'POST /api/notifications/:id/read': {
    request: (w) => ({ method: 'POST', url: `/api/notifications/${w.notificationId}/read` }),
    // Notifications are per user: another ward's officer's is "not found", as if it did not exist.
    otherWard: 404,
    ownWard: 200,
  },
};
