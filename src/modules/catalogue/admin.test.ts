import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, loginAs, type TestApp } from '../../../test/harness';
import { findVersionInForce, importProcedures, isImplementedBy } from './service';
import { BAI_CHAY, entry, fixtureCatalogue, HA_LONG, LAND, landEntry } from './test-fixtures';

let t: TestApp;
let admin: Record<string, string>;
before(async () => {
  t = await createTestApp();
  assert.deepEqual((await importProcedures(t.db, fixtureCatalogue(), null)).rejected, []);
  admin = await loginAs(t.app, 'admin');
});
after(() => t.close());

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = (url: string) => t.app.inject({ url });
const withoutCode = ({ code: _code, ...rest }: Record<string, unknown>) => rest;

async function counts() {
  const n = async (table: 'procedures' | 'procedure_versions' | 'procedure_steps' | 'audit_log') =>
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return [await n('procedures'), await n('procedure_versions'), await n('procedure_steps'), await n('audit_log')];
}

test('an administrator creates a procedure; it is listed and audited', async () => {
  const res = await post('/api/procedures', admin, entry('TN.201', 'Cấp bản sao trích lục hộ tịch'));
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().code, 'TN.201');
  assert.equal(res.json().version, 1);
  const listed = (await get('/api/procedures?q=trich%20luc&field=TN_HO_TICH')).json();
  assert.deepEqual(
    listed.items.map((i: { code: string }) => i.code),
    ['TN.201'],
  );
  const trail = await t.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_type', '=', 'procedure')
    .where('entity_id', '=', 'TN.201')
    .execute();
  assert.deepEqual(trail, [
    {
      action: 'procedure.create',
      data: { version: 1, decision: '100/QĐ-UBND', type: 'new', effectiveFrom: '2025-07-01', via: 'api' },
    },
  ]);
  const again = await post('/api/procedures', admin, entry('TN.201', 'Cấp bản sao trích lục hộ tịch'));
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'PROCEDURE_EXISTS');
});

test('a process longer than the deadline is refused with the totals and nothing is written', async () => {
  const before = await counts();
  const long = entry('TN.202', 'Thủ tục quá hạn', {
    process: [
      { name: 'Tiếp nhận', unit: 'MC', role: 'reception', duration: { value: 1, unit: 'working_days' } },
      { name: 'Thẩm định', unit: 'VHXH', role: 'specialist', duration: { value: 9, unit: 'working_hours' } },
    ],
  });
  const res = await post('/api/procedures', admin, long);
  assert.equal(res.statusCode, 400);
  assert.deepEqual(res.json().error, {
    code: 'PROCESS_EXCEEDS_DEADLINE',
    message:
      'The process steps add up to 17 working hours, more than the deadline of 2 working days (16 working hours)',
    messageVi:
      'Tổng thời gian các bước quy trình (17 giờ làm việc) vượt quá thời hạn giải quyết (2 ngày làm việc = 16 giờ làm việc)',
    field: 'process',
    details: { totalHours: 17, deadlineHours: 16 },
  });
  assert.deepEqual(await counts(), before);
  assert.equal((await get('/api/procedures/TN.202')).statusCode, 404);
});

test('unknown field, level, agency, unit and step agency are 400 naming the field', async () => {
  const before = await counts();
  const steps = entry('x', 'x').process as Record<string, unknown>[];
  const cases: [Record<string, unknown>, string][] = [
    [{ field: 'KHONG_CO' }, 'field'],
    [{ level: 'hamlet' }, 'level'],
    [{ agencies: [HA_LONG, '999.99.99.H99'] }, 'agencies.1'],
    [{ agencies: [LAND] }, 'agencies.0'],
    [{ process: [steps[0], { ...steps[1], unit: 'P9' }] }, 'process.1.unit'],
    [{ process: [steps[0], { ...steps[1], agency: '999.99.99.H99' }] }, 'process.1.agency'],
    [{ deadline: { value: -1, unit: 'working_days' } }, 'deadline.value'],
    [{ channels: ['fax'] }, 'channels.0'],
    [{ decision: { number: '1/QĐ', date: '2025-02-30', type: 'new', effectiveFrom: '2025-03-01' } }, 'decision.date'],
  ];
  for (const [over, field] of cases) {
    const res = await post('/api/procedures', admin, entry('TN.203', 'Thủ tục lỗi', over));
    assert.equal(res.statusCode, 400, field);
    assert.equal(res.json().error.field, field);
    assert.match(res.json().error.messageVi, /[ạ-ỹ]|không/u);
  }
  assert.deepEqual(await counts(), before);
});

test('an amendment is in force from its date; earlier days keep the first version', async () => {
  assert.equal((await post('/api/procedures', admin, entry('TN.210', 'Đăng ký giám hộ'))).statusCode, 201);
  const amended = {
    ...withoutCode(entry('TN.210', 'Đăng ký giám hộ', { reducedDeadline: null, fees: [] })),
    decision: { number: '200/QĐ-UBND', date: '2098-12-01', type: 'amended', effectiveFrom: '2099-01-01' },
  };
  const res = await post('/api/procedures/TN.210/versions', admin, amended);
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().version, 2);
  const on = async (at: string) => (await get(`/api/procedures/TN.210?at=${at}`)).json();
  assert.deepEqual([(await on('2098-12-31')).version, (await on('2098-12-31')).reducedDeadline.value], [1, 2]);
  assert.deepEqual([(await on('2099-01-01')).version, (await on('2099-01-01')).reducedDeadline], [2, null]);
  assert.equal((await get('/api/procedures/TN.210')).json().version, 1);

  const history = (await get('/api/procedures/TN.210/versions')).json();
  assert.deepEqual(
    history.items.map((v: { version: number; decision: object; inForce: boolean }) => [
      v.version,
      v.decision,
      v.inForce,
    ]),
    [
      [
        1,
        {
          number: '100/QĐ-UBND',
          date: '2025-06-20',
          type: 'new',
          effectiveFrom: '2025-07-01',
          effectiveTo: '2099-01-01',
        },
        true,
      ],
      [
        2,
        { number: '200/QĐ-UBND', date: '2098-12-01', type: 'amended', effectiveFrom: '2099-01-01', effectiveTo: null },
        false,
      ],
    ],
  );
  const same = await post('/api/procedures/TN.210/versions', admin, {
    ...amended,
    decision: { ...amended.decision, effectiveFrom: '2099-02-01' },
  });
  assert.equal(same.json().error.code, 'VERSION_UNCHANGED');
  const notLater = await post('/api/procedures/TN.210/versions', admin, {
    ...withoutCode(entry('TN.210', 'Đăng ký giám hộ (sửa)')),
    decision: { number: '201/QĐ-UBND', date: '2098-12-01', type: 'replaced', effectiveFrom: '2099-01-01' },
  });
  assert.deepEqual([notLater.statusCode, notLater.json().error.field], [409, 'decision.effectiveFrom']);
  const missing = await post('/api/procedures/KHONG.CO/versions', admin, amended);
  assert.equal(missing.statusCode, 404);
});

test('after abolition the procedure is gone from that day on, and its history stays', async () => {
  assert.equal((await post('/api/procedures', admin, entry('TN.220', 'Đăng ký nhận nuôi con nuôi'))).statusCode, 201);
  const decision = { number: '300/QĐ-UBND', date: '2099-05-01', effectiveFrom: '2099-06-01' };
  const res = await post('/api/procedures/TN.220/abolish', admin, { decision });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { code: 'TN.220', abolishedFrom: '2099-06-01' });
  const listed = async (at: string) =>
    (await get(`/api/procedures?field=TN_HO_TICH&q=nuoi%20con%20nuoi&at=${at}`)).json().total;
  assert.deepEqual([await listed('2099-05-31'), await listed('2099-06-01')], [1, 0]);
  assert.equal((await get('/api/procedures/TN.220?at=2099-06-01')).statusCode, 404);
  assert.equal((await get('/api/procedures/TN.220?at=2099-05-31')).statusCode, 200);
  const history = (await get('/api/procedures/TN.220/versions')).json().items;
  assert.deepEqual(
    history.map((v: { decision: { type: string } }) => v.decision.type),
    ['new', 'abolished'],
  );
  assert.equal(
    (await post('/api/procedures/TN.220/abolish', admin, { decision })).json().error.code,
    'ALREADY_ABOLISHED',
  );
  const at = (d: string) => new Date(`${d}T09:00:00+07:00`);
  assert.equal((await findVersionInForce(t.db, 'TN.220', at('2099-05-31')))?.version, 1);
  assert.equal(await findVersionInForce(t.db, 'TN.220', at('2099-06-01')), null);
});

test('findVersionInForce gives the lifecycle engine the whole version; isImplementedBy checks the agency', async () => {
  const v = await findVersionInForce(t.db, 'TN.005', new Date());
  assert.ok(v);
  assert.deepEqual(
    [v.code, v.name, v.fieldCode, v.level, v.clockOnResume, v.onlineLevel],
    ['TN.005', 'Đăng ký kết hôn', 'TN_HO_TICH', 'commune', 'restart', 'full'],
  );
  assert.deepEqual(v.effectiveDeadline, { value: 2, unit: 'working_days' });
  assert.deepEqual(
    v.components.map((c) => [c.name, c.required, typeof c.id]),
    [
      ['Tờ khai theo mẫu', true, 'number'],
      ['Giấy tờ chứng minh nơi cư trú', false, 'number'],
    ],
  );
  assert.deepEqual(v.steps[1], {
    seq: 2,
    name: 'Thẩm định hồ sơ',
    unitCode: 'VHXH',
    role: 'specialist',
    agencyCode: null,
    duration: { value: 1, unit: 'working_days' },
  });
  assert.equal(v.decision.number, '100/QĐ-UBND');
  assert.equal(await findVersionInForce(t.db, 'KHONG.CO', new Date()), null);
  assert.equal(await findVersionInForce(t.db, 'TN.005', new Date('2025-06-30T16:59:00Z')), null);
  assert.equal((await findVersionInForce(t.db, 'TN.005', new Date('2025-06-30T17:00:00Z')))?.version, 1);

  const agencyId = async (code: string) =>
    (await t.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  assert.equal(await isImplementedBy(t.db, v.procedureId, await agencyId(HA_LONG)), true);
  assert.equal(await isImplementedBy(t.db, v.procedureId, await agencyId(BAI_CHAY)), false);
  const everyCommune = (await findVersionInForce(t.db, 'TN.004', new Date()))!;
  assert.equal(await isImplementedBy(t.db, everyCommune.procedureId, await agencyId(BAI_CHAY)), true);
  assert.equal(await isImplementedBy(t.db, everyCommune.procedureId, await agencyId(LAND)), false);
});

test('reception and specialist may not administer the catalogue', async () => {
  for (const user of ['reception', 'specialist']) {
    const h = await loginAs(t.app, user);
    const decision = { number: '1/QĐ', date: '2099-01-01', effectiveFrom: '2099-01-02' };
    for (const [url, payload] of [
      ['/api/procedures', entry('TN.230', 'Thủ tục')],
      [
        '/api/procedures/TN.004/versions',
        { ...withoutCode(entry('TN.004', 'Thủ tục')), decision: { ...decision, type: 'amended' } },
      ],
      ['/api/procedures/TN.004/abolish', { decision }],
      ['/api/procedures/import', fixtureCatalogue()],
    ] as const) {
      const res = await post(url, h, payload);
      assert.equal(res.statusCode, 403, `${user} ${url}`);
    }
  }
  assert.equal((await get('/api/procedures/TN.004')).json().version, 1);
});

test('an agency administrator manages only procedures implemented inside their agency', async () => {
  const land = await loginAs(t.app, 'u0012.quantri');
  const ward = await loginAs(t.app, 'u2001.quantri');
  const amendLand = {
    ...withoutCode(landEntry('TN.102', 'Đính chính Giấy chứng nhận đã cấp', { fees: [] })),
    decision: { number: '400/QĐ-UBND', date: '2099-01-01', type: 'amended', effectiveFrom: '2099-01-02' },
  };
  assert.equal((await post('/api/procedures/TN.102/versions', ward, amendLand)).statusCode, 403);
  assert.equal((await post('/api/procedures/TN.102/versions', land, amendLand)).statusCode, 201);
  const amendCommune = {
    ...withoutCode(entry('TN.004', 'Đăng ký khai sinh', { fees: [] })),
    decision: { number: '401/QĐ-UBND', date: '2099-01-01', type: 'amended', effectiveFrom: '2099-01-02' },
  };
  assert.equal((await post('/api/procedures/TN.004/versions', ward, amendCommune)).statusCode, 403);
  assert.equal((await post('/api/procedures', ward, entry('TN.240', 'Thủ tục của phường'))).statusCode, 403);
  const own = entry('TN.240', 'Thủ tục của phường', { agencies: [HA_LONG] });
  assert.equal((await post('/api/procedures', ward, own)).statusCode, 201);
  const both = entry('TN.241', 'Thủ tục hai phường', { agencies: [HA_LONG, BAI_CHAY] });
  assert.equal((await post('/api/procedures', ward, both)).statusCode, 403);
  // Moving a ward's procedure out of the ward needs rights over both.
  const moved = {
    ...withoutCode(entry('TN.240', 'Thủ tục của phường', { agencies: [BAI_CHAY] })),
    decision: { number: '402/QĐ-UBND', date: '2099-01-01', type: 'amended', effectiveFrom: '2099-01-02' },
  };
  assert.equal((await post('/api/procedures/TN.240/versions', ward, moved)).statusCode, 403);
  assert.equal((await post('/api/procedures/TN.240/versions', admin, moved)).statusCode, 201);
});

test('fields are created and renamed by the province administrator only', async () => {
  const ward = await loginAs(t.app, 'u2001.quantri');
  const body = { name: 'Nuôi con nuôi (thử nghiệm)', nameEn: 'Adoption (test)' };
  assert.equal(
    (await t.app.inject({ method: 'PUT', url: '/api/fields/TN_CON_NUOI', headers: ward, payload: body })).statusCode,
    403,
  );
  const res = await t.app.inject({ method: 'PUT', url: '/api/fields/TN_CON_NUOI', headers: admin, payload: body });
  assert.deepEqual(res.json(), { code: 'TN_CON_NUOI', ...body, result: 'created' });
  const fields = (await get('/api/fields')).json().items;
  assert.ok(fields.some((f: { code: string }) => f.code === 'TN_CON_NUOI'));
});
