import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../../test/harness';
import { demoFileName, seedDemoTemplates } from './demo-templates';

test('the demo attaches one generated A4 PDF per template name, downloadable without login', async () => {
  const t = await createTestApp();
  try {
    await t.db.transaction().execute(seedDemoTemplates);
    const names = await t.db
      .selectFrom('procedure_components')
      .select('template')
      .distinct()
      .where('template', 'is not', null)
      .execute();
    const files = await t.db.selectFrom('form_templates').select('sha256').execute();
    assert.equal(files.length, names.length);
    const missing = await t.db
      .selectFrom('procedure_components')
      .select('id')
      .where('template', 'is not', null)
      .where('template_sha256', 'is', null)
      .execute();
    assert.deepEqual(missing, []);

    const detail = (await t.app.inject({ url: '/api/procedures/1.001193' })).json();
    const file = detail.components[0].templateFile;
    assert.equal(file.fileName, 'to-khai-dang-ky-khai-sinh.pdf');
    const got = await t.app.inject({ url: file.url });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.equal(got.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(got.rawPayload.toString('latin1'), /\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/);
    assert.equal(got.rawPayload.length, file.size);
  } finally {
    await t.close();
  }
});

test('demo file names are the template name without diacritics', () => {
  assert.equal(demoFileName('Đơn đề nghị cấp bản sao (Mẫu 01)'), 'don-de-nghi-cap-ban-sao.pdf');
});
