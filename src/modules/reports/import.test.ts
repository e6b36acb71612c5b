import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { importDossierFile, summaryLines } from '../../cli/import-dossiers';
import { MAX_LISTED_REJECTIONS } from './import-service';
import type { DossierStatisticsColumns } from './tables';
import {
  CERTIFY,
  MARITAL_STATUS,
  OTHER_WARD,
  WARD,
  getJson,
  importNdjson,
  ndjson,
  vn,
  writeNdjson,
  type Line,
} from './test-fixtures';

let t: TestApp;
let admin: Record<string, string>;

before(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
});
after(() => t.close());

const dossiers = () => t.db.withTables<{ dossiers: DossierStatisticsColumns }>().selectFrom('dossiers');

async function imported(prefix: string) {
  return dossiers()
    .innerJoin('procedure_versions as v', 'v.id', 'procedure_version_id')
    .select(['external_id', 'code', 'status', 'source', 'due_at', 'resolved_at', 'resolution_timeliness', 'v.seq'])
    .where('external_id', 'like', `${prefix}%`)
    .orderBy('external_id')
    .execute();
}

const summaryOf = (from: string, to: string, agency = WARD) =>
  getJson(t.app, admin, `/api/reports/summary?from=${from}&to=${to}&agency=${agency}`);

const base = (externalId: string, extra: Line = {}): Line => ({
  externalId,
  agency: WARD,
  procedure: MARITAL_STATUS,
  channel: 'direct',
  receivedAt: vn('2017-03-06', '09:00'),
  ...extra,
});

test('re-importing the same external ids updates those dossiers: no duplicates, same codes, counts follow', async () => {
  const first = [
    base('RE-1', { resolvedAt: vn('2017-03-07', '10:00') }),
    base('RE-2'),
    base('RE-3', { channel: 'online', receivedAt: vn('2017-03-06', '08:00') }),
  ];
  assert.deepEqual((await importNdjson(t.app, admin, ndjson(first))).json(), {
    imported: 3,
    updated: 0,
    rejected: [],
    rejectedCount: 0,
  });
  const before = await imported('RE-');
  // Codes follow the agency's daily sequence in order of receipt; the calendar gives the appointment.
  assert.deepEqual(
    before.map((d) => [d.external_id, d.code, d.source, d.status, d.due_at!.toISOString()]),
    [
      ['RE-1', `${WARD}-170306-0002`, 'import', 'resolved', new Date(vn('2017-03-08', '17:00')).toISOString()],
      ['RE-2', `${WARD}-170306-0003`, 'import', 'in_progress', new Date(vn('2017-03-08', '17:00')).toISOString()],
      ['RE-3', `${WARD}-170306-0001`, 'import', 'in_progress', new Date(vn('2017-03-08', '17:00')).toISOString()],
    ],
  );
  assert.equal((await summaryOf('2017-03-01', '2017-03-31')).inProgress.total, 2);

  const second = [first[0], base('RE-2', { resolvedAt: vn('2017-03-10', '10:00'), status: 'resolved' }), first[2]];
  assert.deepEqual((await importNdjson(t.app, admin, ndjson(second))).json(), {
    imported: 0,
    updated: 3,
    rejected: [],
    rejectedCount: 0,
  });
  const after = await imported('RE-');
  assert.deepEqual(
    after.map((d) => d.code),
    before.map((d) => d.code),
  );
  assert.deepEqual(
    after.map((d) => [d.status, d.resolution_timeliness]),
    [
      ['resolved', 'early'],
      ['resolved', 'late'],
      ['in_progress', null],
    ],
  );
  const s = await summaryOf('2017-03-01', '2017-03-31');
  assert.deepEqual(s.received, { carriedOver: 0, online: 1, direct: 2, postal: 0, total: 3 });
  assert.deepEqual(s.resolved, { early: 1, onTime: 0, late: 1, total: 2 });
  assert.deepEqual(s.inProgress, { withinDeadline: 0, overdue: 1, total: 1 });
});

test('bad lines are reported by line number and skipped; the good lines land', async () => {
  const body = [
    JSON.stringify(base('BAD-1')),
    '{"externalId": "BAD-2", ',
    '',
    JSON.stringify(base('BAD-4', { agency: '999.99.99.H99' })),
    JSON.stringify(base('BAD-5', { procedure: '9.999999' })),
    JSON.stringify(base('BAD-6', { receivedAt: '2017-03-06 09:00' })),
    JSON.stringify(base('BAD-7', { status: 'resolved' })),
    JSON.stringify(base('BAD-8', { returnedAt: vn('2017-03-09', '09:00') })),
    JSON.stringify(base('BAD-9', { channel: 'fax' })),
    JSON.stringify(base('BAD-10', { procedure: CERTIFY, dueAt: vn('2017-03-06', '11:00') })),
    JSON.stringify({ ...base('BAD-11'), externalId: '' }),
  ].join('\r\n');
  const res = await importNdjson(t.app, admin, body);
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.equal(report.imported, 2);
  assert.equal(report.updated, 0);
  assert.deepEqual(
    report.rejected.map((r: { line: number; field?: string }) => [r.line, r.field ?? null]),
    [
      [2, null],
      [4, 'agency'],
      [5, 'procedure'],
      [6, 'receivedAt'],
      [7, 'status'],
      [8, 'resolvedAt'],
      [9, 'channel'],
      [11, 'externalId'],
    ],
  );
  for (const r of report.rejected) assert.ok(r.error.length > 0 && r.errorVi.length > 0);
  assert.deepEqual(
    (await imported('BAD-')).map((d) => d.external_id),
    ['BAD-1', 'BAD-10'],
  );
});

test('the same dossier twice in one file: the later line updates the earlier', async () => {
  const lines = [base('TWICE'), base('TWICE', { resolvedAt: vn('2017-03-06', '15:00') })];
  assert.deepEqual((await importNdjson(t.app, admin, ndjson(lines))).json(), {
    imported: 1,
    updated: 1,
    rejected: [],
    rejectedCount: 0,
  });
  assert.deepEqual(
    (await imported('TWICE')).map((d) => d.status),
    ['resolved'],
  );
});

test('a dossier follows the version in force at receipt, the first version before the catalogue begins', async () => {
  const lines = [
    base('VER-2015', { receivedAt: vn('2015-06-01', '09:00') }),
    base('VER-2025', { receivedAt: vn('2025-12-31', '09:00') }),
    base('VER-2026', { receivedAt: vn('2026-03-02', '09:00') }),
  ];
  assert.equal((await importNdjson(t.app, admin, ndjson(lines))).json().imported, 3);
  assert.deepEqual(
    (await imported('VER-')).map((d) => [d.external_id, d.seq]),
    [
      ['VER-2015', 1],
      ['VER-2025', 1],
      ['VER-2026', 2],
    ],
  );
});

test('the API streams bodies beyond the app-wide limit, refuses other media types and non-administrators', async () => {
  const note = 'x'.repeat(2000);
  function* body() {
    for (let i = 0; i < 6000; i++) {
      yield JSON.stringify(base(`BIG-${i}`, { receivedAt: vn('2016-05-03', '09:00'), note })) + '\n';
    }
  }
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/import/dossiers',
    headers: { ...admin, 'content-type': 'application/x-ndjson' },
    payload: Readable.from(body()),
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { imported: 6000, updated: 0, rejected: [], rejectedCount: 0 });
  assert.equal((await summaryOf('2016-05-01', '2016-05-31')).received.direct, 6000);

  const json = await t.app.inject({ method: 'POST', url: '/api/import/dossiers', headers: admin, payload: base('J') });
  assert.equal(json.statusCode, 415, json.body);
  const reception = await importNdjson(t.app, await loginAs(t.app, 'reception'), ndjson([base('R')]));
  assert.equal(reception.statusCode, 403, reception.body);
});

test('an agency administrator imports for their own agencies only; each batch is audited without personal data', async () => {
  const wardAdmin = await loginAs(t.app, 'u2001.quantri');
  const lines = [base('SCOPE-own'), base('SCOPE-other', { agency: OTHER_WARD })];
  const report = (await importNdjson(t.app, wardAdmin, ndjson(lines))).json();
  assert.equal(report.imported, 1);
  assert.deepEqual(
    report.rejected.map((r: { line: number; field: string }) => [r.line, r.field]),
    [[2, 'agency']],
  );
  const audit = await t.db
    .selectFrom('audit_log')
    .innerJoin('users as u', 'u.id', 'audit_log.actor_user_id')
    .select(['action', 'entity_type', 'data'])
    .where('u.username', '=', 'u2001.quantri')
    .execute();
  assert.deepEqual(
    audit.filter((a) => a.action === 'dossier.import'),
    [
      {
        action: 'dossier.import',
        entity_type: 'dossier_import',
        data: { firstLine: 1, lastLine: 1, imported: 1, updated: 0 },
      },
    ],
  );
});

test('a file of more bad lines than are listed counts them all and lists the first ones, the good lines landing', async () => {
  const bad = MAX_LISTED_REJECTIONS + 5;
  const text = [...Array.from({ length: bad }, (_, i) => `{"externalId": "BAD-${i}"`), JSON.stringify(base('MANY-1'))];
  const res = await importNdjson(t.app, admin, text.join('\n'));
  assert.equal(res.statusCode, 200, res.body);
  const report = res.json();
  assert.equal(report.imported, 1);
  assert.equal(report.rejectedCount, bad);
  assert.equal(report.rejected.length, MAX_LISTED_REJECTIONS);
  assert.deepEqual([report.rejected[0].line, report.rejected.at(-1).line], [1, MAX_LISTED_REJECTIONS]);
});

test('the command line prints the counts and the first rejected lines', () => {
  const rejected = Array.from({ length: 52 }, (_, i) => ({ line: i + 1, error: 'Invalid', errorVi: 'Sai' }));
  const lines = summaryLines({ imported: 3, updated: 1, rejected, rejectedCount: rejected.length });
  assert.deepEqual(lines.slice(0, 4), [
    'Mới/imported: 3',
    'Cập nhật/updated: 1',
    'Bị loại/rejected: 52',
    '  dòng/line 1: Invalid',
  ]);
  assert.equal(lines.length, 3 + 50 + 1);
  assert.match(lines[lines.length - 1], /2 dòng khác/);
});

test('the command line streams the file with a progress bar of the bytes read and the running counts', async () => {
  const lines = [base('CLI-1'), base('CLI-2'), base('CLI-3', { channel: 'fax' }), base('CLI-4'), base('CLI-1')];
  const fixture = await writeNdjson(ndjson(lines));
  const out = new PassThrough();
  const drawn: Buffer[] = [];
  out.on('data', (chunk: Buffer) => drawn.push(chunk));
  try {
    const report = await importDossierFile(t.db, fixture.file, out);
    assert.deepEqual(
      [report.imported, report.updated, report.rejected.map((r) => [r.line, r.field])],
      [3, 1, [[3, 'channel']]],
    );
  } finally {
    await fixture.remove();
  }
  const last = Buffer.concat(drawn).toString('utf8').trim().split('\n').pop();
  assert.match(last ?? '', /^█{40} 100% \| 5 dòng\/lines \| mới\/new 3 \| cập nhật\/updated 1 \| lỗi\/rejected 1$/);
  assert.deepEqual(
    (await imported('CLI-')).map((d) => d.external_id),
    ['CLI-1', 'CLI-2', 'CLI-4'],
  );
});

test('an imported dossier is for lookup and statistics: actions on it are refused and change nothing', async () => {
  assert.equal((await importNdjson(t.app, admin, ndjson([base('RO-1')]))).statusCode, 200);
  const [row] = await imported('RO-1');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/dossiers/${row.code}/withdraw`,
    headers: await loginAs(t.app, 'reception'),
    payload: { version: 1, reason: 'Công dân rút hồ sơ' },
  });
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'DOSSIER_IMPORTED');
  assert.equal(res.json().error.field, 'code');
  const [after] = await imported('RO-1');
  assert.deepEqual([after.status, after.resolved_at], [row.status, row.resolved_at]);
});
