import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../../../test/harness';
import { DEMO_PROCEDURES_FILE } from './demo-data';
import { importProcedures } from './service';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const search = async (query: string) => {
  const res = await t.app.inject({ url: `/api/procedures?${query}` });
  assert.equal(res.statusCode, 200);
  return res.json() as { items: { code: string; name: string }[]; total: number };
};

test('q=khai sinh lists "Đăng ký khai sinh" first in the demo catalogue', async () => {
  const r = await search('q=khai%20sinh');
  assert.equal(r.items[0].name, 'Đăng ký khai sinh');
  assert.ok(r.items.some((i) => i.name === 'Đăng ký lại khai sinh'));
  assert.ok(r.items.some((i) => i.name === 'Đăng ký khai sinh có yếu tố nước ngoài'));
  assert.ok(r.items.some((i) => i.name === 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con'));
});

test('q=dang ky ket hon finds "Đăng ký kết hôn" first', async () => {
  const r = await search('q=dang%20ky%20ket%20hon');
  assert.equal(r.items[0].name, 'Đăng ký kết hôn');
  assert.equal((await search(`q=${encodeURIComponent('ĐĂNG KÝ KẾT HÔN')}`)).items[0].name, 'Đăng ký kết hôn');
});

test('every demo procedure is in force today, amended ones under their second version', async () => {
  const demo = JSON.parse(readFileSync(DEMO_PROCEDURES_FILE, 'utf8')) as {
    procedures: { code: string; decision: { type: string } }[];
  };
  const codes = new Set(demo.procedures.map((p) => p.code));
  assert.equal((await search('pageSize=1')).total, codes.size);
  const amended = demo.procedures.find((p) => p.decision.type === 'amended')!;
  const history = (await t.app.inject({ url: `/api/procedures/${amended.code}/versions` })).json();
  assert.deepEqual(
    history.items.map((v: { decision: { type: string } }) => v.decision.type),
    ['new', 'amended'],
  );
});

test('importing the demo catalogue file again changes nothing, amended histories included', async () => {
  const document = JSON.parse(readFileSync(DEMO_PROCEDURES_FILE, 'utf8'));
  const report = await importProcedures(t.db, document, null);
  assert.deepEqual(report.rejected, []);
  assert.equal(report.created + report.versioned + report.abolished, 0);
  assert.equal(report.unchanged, document.procedures.length);
});
