import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { listOk, next, type Case } from './scope-cases';
import type { Ward } from './scope-fixtures';

/** Scope cases of the statistics routes and the historical import. */
const year = (w: Ward) => `from=2026-01-01&to=2026-12-31&agency=${w.code}`;
const report = (path: string): Case => ({
  request: (w) => ({ url: `/api/reports/${path}?${year(w)}` }),
  otherWard: 403,
  ownWard: (res: LightMyRequestResponse) => listOk(res),
});

const importLine = (w: Ward) =>
  JSON.stringify({
    externalId: `scope-${next()}`,
    agency: w.code,
    procedure: '1.001193',
    channel: 'direct',
    receivedAt: '2026-03-02T08:00:00+07:00',
  }) + '\n';

export const REPORT_CASES: Record<string, Case> = {
  'GET /api/reports/summary': report('summary'),
  'GET /api/reports/summary/dossiers': {
    request: (w) => ({ url: `/api/reports/summary/dossiers?metric=received.direct&${year(w)}` }),
    otherWard: 403,
    ownWard: (res) => listOk(res),
  },
  'GET /api/reports/trend': report('trend'),
  'GET /api/reports/overdue': {
    request: (w) => ({ url: `/api/reports/overdue?${year(w)}` }),
    otherWard: 403,
    ownWard: (res) => {
      listOk(res);
      assert.equal(typeof res.json().total, 'number');
    },
  },
  'GET /api/reports/summary.xlsx': report('summary.xlsx'),
  'GET /api/reports/summary.csv': report('summary.csv'),
  // The book lists applicants' names and addresses: another ward's desk must not download it.
  'GET /api/reports/tracking-book.xlsx': {
    request: (w) => ({ url: `/api/reports/tracking-book.xlsx?agency=${w.code}&from=2026-03-01&to=2026-03-31` }),
    otherWard: 403,
    ownWard: (res) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.rawPayload.subarray(0, 2).toString(), 'PK');
    },
  },
  'GET /api/reports/tracking-book.csv': {
    request: (w) => ({ url: `/api/reports/tracking-book.csv?agency=${w.code}&from=2026-03-01&to=2026-03-31` }),
    otherWard: 403,
    ownWard: (res) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.body, /^\uFEFFSTT,Mã hồ sơ,/);
    },
  },
  'POST /api/import/dossiers': {
    request: (w) => ({
      method: 'POST',
      url: '/api/import/dossiers',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: importLine(w),
    }),
    // An import reports each line: the other ward's is rejected and nothing lands.
    otherWard: (res) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().imported, 0);
      assert.equal(res.json().rejected.length, 1);
    },
    ownWard: (res) => {
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().imported, 1, res.body);
    },
  },
};
