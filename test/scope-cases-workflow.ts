import assert from 'node:assert/strict';
import { WARD_RECEPTION, items, listOk, transition, type Case } from './scope-cases';

/** Scope cases of the workflow routes: the walk through the steps, liên thông, the clock and the inbox. */
const WARD_LEADER = 'leader'; // unit leader of VHXH and agency leader of phường Hạ Long
const WARD_SPECIALIST = 'specialist';

export const WORKFLOW_CASES: Record<string, Case> = {
  'GET /api/workflow/inbox': { selfOnly: 'lists the steps the caller holds or must assign: their own work only' },
  'GET /api/workflow/transfers': {
    as: WARD_RECEPTION,
    request: (w) => ({ url: `/api/workflow/transfers?direction=out&agency=${w.code}` }),
    otherWard: (res) => {
      listOk(res);
      assert.deepEqual([items(res), res.json().total], [[], 0]);
    },
    ownWard: (res, w) =>
      assert.deepEqual(
        items(res).map((x) => x.code),
        [w.workflow.dossiers.transferred.code],
      ),
  },
  'GET /api/dossiers/:code/process': {
    as: WARD_RECEPTION,
    request: (w) => ({ url: `/api/dossiers/${w.workflow.dossiers.transferred.code}/process` }),
    otherWard: 403,
    ownWard: 200,
  },
  'GET /api/workflow/settings/:agency': {
    request: (w) => ({ url: `/api/workflow/settings/${w.code}` }),
    otherWard: 403,
    ownWard: 200,
  },
  'PUT /api/workflow/settings/:agency': {
    request: (w) => ({ method: 'PUT', url: `/api/workflow/settings/${w.code}`, payload: { autoAssign: false } }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/forward': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.workflow.dossiers.atDesk, 'forward', {}),
    otherWard: 403,
    ownWard: 200,
  },
  'GET /api/dossiers/:code/assignees': {
    as: WARD_LEADER,
    request: (w) => ({ url: `/api/dossiers/${w.workflow.dossiers.toAssign.code}/assignees` }),
    otherWard: 403,
    ownWard: (res, w) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.json().officers.some((o: { id: number }) => o.id === w.workflow.specialistId));
    },
  },
  'POST /api/dossiers/:code/assign': {
    as: WARD_LEADER,
    request: (w) => transition(w.workflow.dossiers.toAssign, 'assign', { assignee: w.workflow.specialistId }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/pause': {
    as: WARD_SPECIALIST,
    request: (w) =>
      transition(w.workflow.dossiers.toPause, 'pause', { items: [{ name: 'Tờ khai', reason: 'Chưa ký tên' }] }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/resume': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.workflow.dossiers.paused, 'resume', { comment: 'Đã ký tên' }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/propose-rejection': {
    as: WARD_SPECIALIST,
    request: (w) => transition(w.workflow.dossiers.toPropose, 'propose-rejection', { reason: 'Không đủ điều kiện' }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/approve-rejection': {
    as: WARD_LEADER,
    request: (w) => transition(w.workflow.dossiers.proposed, 'approve-rejection', { reason: 'Không đủ điều kiện' }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/approve': {
    as: WARD_LEADER,
    request: (w) => transition(w.workflow.dossiers.atSigning, 'approve', {}),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/send-back': {
    as: WARD_LEADER,
    request: (w) => transition(w.workflow.dossiers.toSendBack, 'send-back', { toStep: 2, reason: 'Thẩm định lại' }),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/result-ready': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.workflow.dossiers.atLastStep, 'result-ready', {}),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/return': {
    as: WARD_RECEPTION,
    request: (w) => transition(w.workflow.dossiers.resolved, 'return', {}),
    otherWard: 403,
    ownWard: 200,
  },
  'POST /api/dossiers/:code/apology': {
    as: WARD_RECEPTION,
    request: (w) =>
      transition(w.workflow.dossiers.toApologize, 'apology', {
        reason: 'Chờ ý kiến cơ quan liên quan',
        faultUnit: { unit: 'VHXH' },
        newDueAt: '2031-03-04T10:00:00+07:00',
      }),
    otherWard: 403,
    ownWard: 200,
  },
};
