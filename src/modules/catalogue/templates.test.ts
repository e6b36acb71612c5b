import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { multipartFile } from '../dossiers/test-support';
import { importProcedures } from './service';
import { MAX_TEMPLATE_BYTES } from './templates';
import { HA_LONG, entry, fixtureCatalogue } from './test-fixtures';

let t: TestApp;
let admin: Record<string, string>;
before(async () => {
  t = await createTestApp();
  assert.deepEqual((await importProcedures(t.db, fixtureCatalogue(), null)).rejected, []);
  admin = await loginAs(t.app, 'admin');
});
after(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n% Tờ khai\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const url = (code: string, seq: number) => `/api/procedures/${code}/components/${seq}/template`;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const upload = (code: string, seq: number, name: string, type: string, content: Buffer, headers = admin) => {
  const body = multipartFile(name, type, content);
  return t.app.inject({
    method: 'PUT',
    url: url(code, seq),
    payload: body.payload,
    headers: { ...headers, ...body.headers },
  });
};

test('an uploaded template downloads without login with the same bytes, its name and type', async () => {
  const res = await upload('TN.004', 1, 'Tờ khai khai sinh.pdf', 'application/pdf', PDF);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().sha256, sha(PDF));
  const got = await t.app.inject({ url: url('TN.004', 1) });
  assert.equal(got.statusCode, 200, got.body);
  assert.equal(got.headers['content-type'], 'application/pdf');
  assert.equal(
    got.headers['content-disposition'],
    `attachment; filename*=UTF-8''${encodeURIComponent('Tờ khai khai sinh.pdf')}`,
  );
  assert.equal(sha(got.rawPayload), sha(PDF));
  assert.ok(got.rawPayload.equals(PDF));
  const detail = (await t.app.inject({ url: '/api/procedures/TN.004' })).json();
  assert.deepEqual(
    detail.components.map((c: { templateFile: unknown }) => c.templateFile),
    [{ fileName: 'Tờ khai khai sinh.pdf', size: PDF.length, url: url('TN.004', 1) }, null],
  );
  const trail = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', 'TN.004')
    .where('action', 'like', 'procedure.template%')
    .execute();
  assert.deepEqual(trail, [{ action: 'procedure.template.attach' }]);
});

test('the same file uploaded twice is stored once', async () => {
  assert.equal((await upload('TN.001', 1, 'mau.pdf', 'application/pdf', PDF)).statusCode, 200);
  assert.equal((await upload('TN.002', 1, 'mau-khac.pdf', 'application/pdf', PDF)).statusCode, 200);
  const rows = await t.db.selectFrom('form_templates').select('sha256').where('sha256', '=', sha(PDF)).execute();
  assert.equal(rows.length, 1);
});

test('files other than PDF, DOC, DOCX, ODT, or whose bytes do not match, are refused with the field', async () => {
  for (const [name, content] of [
    ['mau.exe', Buffer.from('MZ\x90\x00')],
    ['mau.pdf', Buffer.from('PK\x03\x04 not a pdf')],
    ['mau.docx', PDF],
    ['mau.txt', Buffer.from('%PDF-1.4 in disguise')],
  ] as const) {
    const res = await upload('TN.003', 1, name, 'application/octet-stream', content);
    assert.equal(res.statusCode, 415, `${name}: ${res.body}`);
    assert.equal(res.json().error.field, 'file');
    assert.ok(res.json().error.message);
  }
  const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]);
  assert.equal((await upload('TN.003', 1, 'mau.DOC', 'application/msword', doc)).statusCode, 200);
  const got = await t.app.inject({ url: url('TN.003', 1) });
  assert.equal(got.headers['content-type'], 'application/msword');
});

test('a file over 5 MB is refused with the field; an unknown component is 404', async () => {
  const big = Buffer.concat([PDF, Buffer.alloc(MAX_TEMPLATE_BYTES)]);
  const res = await upload('TN.005', 1, 'lon.pdf', 'application/pdf', big);
  assert.equal(res.statusCode, 413, res.body);
  assert.equal(res.json().error.field, 'file');
  assert.equal((await upload('TN.005', 9, 'mau.pdf', 'application/pdf', PDF)).statusCode, 404);
  assert.equal((await t.app.inject({ url: url('TN.005', 2) })).statusCode, 404);
});

test('uploading needs an administrator of the implementing agencies', async () => {
  const anonymous = await upload('TN.005', 1, 'mau.pdf', 'application/pdf', PDF, {});
  assert.equal(anonymous.statusCode, 401);
  const reception = await loginAs(t.app, 'reception');
  assert.equal((await upload('TN.005', 1, 'mau.pdf', 'application/pdf', PDF, reception)).statusCode, 403);
});

test('a new version keeps the file of a component whose template name is unchanged; DELETE removes the link', async () => {
  const content = Buffer.from('%PDF-1.7\n% ket hon\n%%EOF\n');
  assert.equal((await upload('TN.005', 1, 'ket-hon.pdf', 'application/pdf', content)).statusCode, 200);
  const { code: _code, ...amended } = entry('TN.005', 'Đăng ký kết hôn', { agencies: [HA_LONG] });
  const version = await t.app.inject({
    method: 'POST',
    url: '/api/procedures/TN.005/versions',
    headers: admin,
    payload: {
      ...amended,
      requirements: 'Hai bên cùng có mặt',
      decision: { number: '200/QĐ-UBND', date: '2025-08-01', type: 'amended', effectiveFrom: '2025-08-15' },
    },
  });
  assert.equal(version.statusCode, 201, version.body);
  assert.equal(version.json().version, 2);
  assert.equal(version.json().components[0].templateFile.fileName, 'ket-hon.pdf');
  const got = await t.app.inject({ url: url('TN.005', 1) });
  assert.ok(got.rawPayload.equals(content));

  const removed = await t.app.inject({ method: 'DELETE', url: url('TN.005', 1), headers: admin });
  assert.equal(removed.statusCode, 204, removed.body);
  assert.equal((await t.app.inject({ url: url('TN.005', 1) })).statusCode, 404);
  const detail = (await t.app.inject({ url: '/api/procedures/TN.005' })).json();
  assert.equal(detail.components[0].templateFile, null);
});
