import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { MAX_FILE_BYTES } from './file-service';
import { APPLICANT, BIRTH, HA_LONG, act, importTestCatalogue, multipartFile, postDossier } from './test-support';

let t: TestApp;
let reception: Record<string, string>;
let citizen: Record<string, string>;
let form: number;
let proof: number;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

before(async () => {
  t = await createTestApp();
  [form, proof] = (await importTestCatalogue(t.db))[BIRTH];
  reception = await loginAs(t.app, 'reception');
  citizen = await loginAs(t.app, 'congdan');
});
after(() => t.close());

async function upload(headers: Record<string, string>, name: string, type: string, content: Buffer) {
  const body = multipartFile(name, type, content);
  return t.app.inject({
    method: 'POST',
    url: '/api/dossier-files',
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  });
}

test('an uploaded scan is attached to the submission and downloaded unchanged by those who may see it', async () => {
  const up = await upload(citizen, 'to-khai.pdf', 'application/pdf', PDF);
  assert.equal(up.statusCode, 201, up.body);
  const meta = up.json();
  assert.deepEqual(
    { ...meta, id: 0 },
    {
      id: 0,
      name: 'to-khai.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      componentId: null,
    },
  );
  const created = await postDossier(t.app, citizen, {
    procedure: BIRTH,
    agency: HA_LONG,
    channel: 'online',
    applicant: APPLICANT,
    components: [{ componentId: form, originals: 1, files: [meta.id] }],
  });
  assert.equal(created.statusCode, 201, created.body);
  const code = created.json().code;
  const d = (await t.app.inject({ url: `/api/dossiers/${code}`, headers: reception })).json();
  assert.deepEqual(d.history[0].files, [{ ...meta, componentId: form }]);
  const download = await t.app.inject({ url: `/api/dossiers/${code}/files/${meta.id}`, headers: citizen });
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/pdf');
  assert.deepEqual(download.rawPayload, PDF);
  const stranger = await t.app.inject({
    url: `/api/dossiers/${code}/files/${meta.id}`,
    headers: await loginAs(t.app, 'u2002.mc1'),
  });
  assert.equal(stranger.statusCode, 403);
  await assert.rejects(sql`UPDATE dossier_files SET name = 'x' WHERE id = ${meta.id}`.execute(t.db), /immutable/);
  await assert.rejects(sql`DELETE FROM dossier_files WHERE id = ${meta.id}`.execute(t.db), /immutable/);
});

test('a file is attached once, only by its uploader', async () => {
  const mine = (await upload(citizen, 'giay-chung-sinh.png', 'image/png', PNG)).json();
  const code = (
    await postDossier(t.app, citizen, { procedure: BIRTH, agency: HA_LONG, channel: 'online', applicant: APPLICANT })
  ).json().code;
  const byOther = await act(t.app, reception, code, 'request-supplement', {
    version: 1,
    items: [
      { componentId: form, reason: 'Chưa nộp' },
      { componentId: proof, reason: 'Chưa nộp' },
    ],
    files: [mine.id],
  });
  assert.equal(byOther.statusCode, 400);
  assert.equal(byOther.json().error.field, 'files');
  const twice = await act(t.app, citizen, code, 'withdraw', { version: 1, reason: 'x', files: [mine.id, mine.id] });
  assert.equal(twice.statusCode, 400);
  const once = await act(t.app, citizen, code, 'withdraw', { version: 1, reason: 'Đơn rút hồ sơ', files: [mine.id] });
  assert.equal(once.statusCode, 200, once.body);
  assert.deepEqual(
    once.json().history[1].files.map((f: { id: number }) => f.id),
    [mine.id],
  );
});

test('only PDF, JPEG and PNG whose bytes match, up to the size limit', async () => {
  const text = await upload(citizen, 'ghi-chu.txt', 'text/plain', Buffer.from('xin chào'));
  assert.deepEqual([text.statusCode, text.json().error.code], [415, 'UNSUPPORTED_MEDIA_TYPE']);
  const disguised = await upload(citizen, 'anh.pdf', 'application/pdf', PNG);
  assert.equal(disguised.statusCode, 415);
  const empty = await upload(citizen, 'rong.pdf', 'application/pdf', Buffer.alloc(0));
  assert.deepEqual([empty.statusCode, empty.json().error.code], [400, 'EMPTY_FILE']);
  const big = Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(MAX_FILE_BYTES)]);
  const tooBig = await upload(citizen, 'lon.pdf', 'application/pdf', big);
  assert.deepEqual([tooBig.statusCode, tooBig.json().error.code], [413, 'PAYLOAD_TOO_LARGE']);
  const notMultipart = await t.app.inject({
    method: 'POST',
    url: '/api/dossier-files',
    headers: citizen,
    payload: { file: 'x' },
  });
  assert.equal(notMultipart.statusCode, 415);
  const staged = await t.db.selectFrom('dossier_files').select('name').where('event_id', 'is', null).execute();
  assert.deepEqual(staged, []);
});
