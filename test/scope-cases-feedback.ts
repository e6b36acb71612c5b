import assert from 'node:assert/strict';
import { listOk, type Case } from './scope-cases';
import type { Ward } from './scope-fixtures';

/** Scope cases of the feedback routes: ratings, kiosk, evaluation, the quality index, complaints. */
const year = (w: Ward) => `from=2026-01-01&to=2099-12-31&agency=${w.code}`;
const results = (path: string): Case => ({
  request: (w) => ({ url: `/api/feedback/${path}?${year(w)}` }),
  otherWard: 403,
  ownWard: (res) => listOk(res),
});
const status = (expected: number) => (res: { statusCode: number; body: string }) =>
  assert.equal(res.statusCode, expected, res.body);
const complaintAction = (
  action: string,
  at: 'received' | 'assigned' | 'answered',
  body: (w: Ward) => object,
): Case => ({
  request: (w) => ({
    method: 'POST',
    url: `/api/complaints/${w.feedback.complaints[at]}/${action}`,
    payload: body(w),
  }),
  // Another ward's complaint does not exist for them.
  otherWard: 404,
  ownWard: status(200),
});

export const FEEDBACK_CASES: Record<string, Case> = {
  'POST /api/dossiers/:code/rating': {
    request: (w) => ({
      method: 'POST',
      url: `/api/dossiers/${w.feedback.returned.code}/rating`,
      payload: { level: 'satisfied' },
    }),
    otherWard: 403,
    ownWard: null,
    why: 'only the citizen account that filed the dossier rates it on the portal',
  },
  'GET /api/kiosk/:agency/returns': {
    as: 'reception',
    request: (w) => ({ url: `/api/kiosk/${w.code}/returns` }),
    otherWard: 403,
    ownWard: (res, w) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.json().items.some((i: { code: string }) => i.code === w.feedback.returned.code));
    },
  },
  'POST /api/kiosk/:agency/ratings': {
    as: 'reception',
    request: (w) => ({
      method: 'POST',
      url: `/api/kiosk/${w.code}/ratings`,
      payload: { code: w.feedback.returned.code, level: 'very_satisfied' },
    }),
    otherWard: 403,
    ownWard: status(201),
  },
  'GET /api/feedback/ratings': results('ratings'),
  'GET /api/feedback/ratings/dossiers': results('ratings/dossiers'),
  'GET /api/feedback/evaluation': results('evaluation'),
  'GET /api/feedback/quality-index': results('quality-index'),
  'PUT /api/feedback/settings': {
    request: () => ({
      method: 'PUT',
      url: '/api/feedback/settings',
      payload: {
        complaintDeadlineDays: 10,
        qualityWeights: { disclosure: 18, progress: 20, onlineUse: 12, digitisation: 22, satisfaction: 18 },
      },
    }),
    otherWard: 403,
    ownWard: null,
    why: 'the settings are the province’s: province administrators only',
  },
  'POST /api/complaints': {
    as: 'reception',
    request: (w) => ({
      method: 'POST',
      url: '/api/complaints',
      payload: {
        agency: w.code,
        kind: 'complaint',
        title: 'Phản ánh tại quầy',
        content: 'Nội dung phản ánh.',
        contact: { fullName: 'Đỗ Minh Tuấn', phone: '0901234567' },
      },
    }),
    otherWard: 403,
    ownWard: status(201),
  },
  'GET /api/complaints': {
    request: (w) => ({ url: `/api/complaints?agency=${w.code}` }),
    otherWard: 403,
    ownWard: (res, w) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.json().items.some((i: { code: string }) => i.code === w.feedback.complaints.received));
    },
  },
  'GET /api/complaints/:code': {
    request: (w) => ({ url: `/api/complaints/${w.feedback.complaints.received}` }),
    otherWard: 404,
    ownWard: status(200),
  },
  'POST /api/complaints/:code/assign': complaintAction('assign', 'received', (w) => ({ assignee: w.username })),
  'POST /api/complaints/:code/answer': complaintAction('answer', 'assigned', () => ({ answer: 'Đã xử lý.' })),
  'POST /api/complaints/:code/publish': complaintAction('publish', 'answered', () => ({})),
};
