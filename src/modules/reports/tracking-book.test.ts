import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/harness';
import { receive, APPLICANT, type Users } from '../../../test/scenario-support';
import { advance, assignStep, resolve, returnResult } from '../workflow/service';
import { logins } from '../workflow/test-support';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../../db/schema';
import { BOOK_COLUMNS } from './tracking-book';
import { bookCsv, bookXlsx, type Book } from './tracking-book-service';
import { importNdjson, ndjson } from './test-fixtures';

const HA_LONG = '000.20.01.H40';
const BIRTH = '1.001193'; // 4 working hours; four steps: MC, VHXH, LD, MC

let t: TestApp;
let u: Users;
const p = (name: string) => u[name].principal;
let walked: string;
let second: string;
let june: string;
let nextDay: string;

before(async () => {
  t = await createTestApp();
  u = await logins(t.app, t.db, ['reception', 'specialist', 'leader', 'u2001.lanhdao', 'u2002.mc1', 'admin']);
  // Received before 1/7/2025: the Decree 61/2018 book (Mẫu 06).
  // The demo catalogue's versions start later: this one is imported, as a desk's history would be.
  const line = {
    externalId: 'BOOK-1',
    agency: HA_LONG,
    procedure: BIRTH,
    channel: 'direct',
    receivedAt: '2025-06-30T09:00:00+07:00',
  };
  const imported = await importNdjson(t.app, u.admin.headers, ndjson([line]));
  assert.equal(imported.json().imported, 1, imported.body);
  june = (
    await t.db.selectFrom('dossiers').select('code').where('rule_set', '=', 'nd61_2018').executeTakeFirstOrThrow()
  ).code;
  // A birth registration walked from the desk to the result handed back (as test/scenario-ward.test.ts).
  walked = await receive(t, u, 'reception', { procedure: BIRTH, agency: HA_LONG, at: '2026-03-02T08:00:00+07:00' });
  await advance(t.db, p('reception'), walked, 'forward', { version: 1 }, new Date('2026-03-02T08:15:00+07:00'));
  await assignStep(
    t.db,
    p('leader'),
    walked,
    { version: 2, assignee: u.specialist.id },
    new Date('2026-03-02T08:30:00+07:00'),
  );
  await advance(t.db, p('specialist'), walked, 'forward', { version: 3 }, new Date('2026-03-02T09:00:00+07:00'));
  await advance(t.db, p('u2001.lanhdao'), walked, 'approve', { version: 4 }, new Date('2026-03-02T09:30:00+07:00'));
  await resolve(t.db, p('reception'), walked, 'result_ready', { version: 5 }, new Date('2026-03-02T10:00:00+07:00'));
  await returnResult(t.db, p('reception'), walked, { version: 6 }, new Date('2026-03-02T14:00:00+07:00'));
  second = await receive(t, u, 'reception', { procedure: BIRTH, agency: HA_LONG, at: '2026-03-31T16:30:00+07:00' });
  // The day after the period's end: not in the book.
  nextDay = await receive(t, u, 'reception', { procedure: BIRTH, agency: HA_LONG, at: '2026-04-01T08:00:00+07:00' });
});
after(() => t.close());

async function workbook(url: string, who = 'reception') {
  const res = await t.app.inject({ url, headers: u[who].headers });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  return wb;
}

/** The cells of a row, empty ones as '' (exceljs leaves them out); [] for a row with nothing. */
function values(ws: ExcelJS.Worksheet, row: number): unknown[] {
  const cells = (ws.getRow(row).values as unknown[]).slice(1);
  if (cells.length === 0) return [];
  return Array.from({ length: BOOK_COLUMNS.length }, (_, i) => cells[i] ?? '');
}

test('the book of March 2026 is Mẫu số 07: headers, one row per dossier in order of receipt, the walked times', async () => {
  const wb = await workbook(`/api/reports/tracking-book.xlsx?agency=${HA_LONG}&from=2026-03-01&to=2026-03-31`);
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Mẫu 07 (TT 03-2025)'],
  );
  const ws = wb.worksheets[0];
  assert.equal(
    ws.getCell('A1').value,
    'Mẫu số 07 — Ban hành kèm theo Thông tư số 03/2025/TT-VPCP (Nghị định số 118/2025/NĐ-CP)',
  );
  assert.equal(ws.getCell('A2').value, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  assert.equal(ws.getCell('A3').value, 'Độc lập - Tự do - Hạnh phúc');
  assert.equal(ws.getCell('A4').value, 'UBND PHƯỜNG HẠ LONG');
  assert.equal(ws.getCell('A5').value, 'SỔ THEO DÕI HỒ SƠ');
  assert.equal(ws.getCell('A6').value, 'Từ ngày 01/03/2026 đến ngày 31/03/2026');
  assert.deepEqual(values(ws, 8), [...BOOK_COLUMNS]);
  assert.equal(values(ws, 8)[9], 'Chuyển hồ sơ đến cơ quan giải quyết (ngày, giờ)');
  assert.deepEqual(
    values(ws, 9),
    BOOK_COLUMNS.map((_, i) => `(${i + 1})`),
  );
  const contact = `${APPLICANT.address}; ${APPLICANT.phone}`;
  assert.deepEqual(values(ws, 10), [
    1,
    walked,
    'Đăng ký khai sinh',
    1,
    APPLICANT.fullName,
    contact,
    'UBND phường Hạ Long',
    '02/03/2026 08:00',
    // 08:00 plus four office hours, across the lunch break.
    '02/03/2026 14:00',
    '02/03/2026 08:15',
    '02/03/2026 10:00',
    '02/03/2026 14:00',
    '',
  ]);
  const row = values(ws, 11);
  assert.deepEqual(
    [row[0], row[1], row[4], row[7], row[9], row[10], row[11]],
    [2, second, APPLICANT.fullName, '31/03/2026 16:30', '', '', ''],
  );
  assert.deepEqual(values(ws, 12), [], 'no row after the last dossier: the one of 1/4 is absent');
  assert.notEqual(nextDay, second);
});

test('a period across 1 July 2025 has one sheet per rule set, Mẫu 06 then Mẫu 07', async () => {
  const wb = await workbook(`/api/reports/tracking-book.xlsx?agency=${HA_LONG}&from=2025-06-01&to=2026-03-31`, 'admin');
  assert.deepEqual(
    wb.worksheets.map((w) => w.name),
    ['Mẫu 06 (TT 01-2018)', 'Mẫu 07 (TT 03-2025)'],
  );
  const [old, current] = wb.worksheets;
  assert.equal(old.getCell('A1').value, 'Mẫu số 06 — Ban hành kèm theo Thông tư số 01/2018/TT-VPCP');
  assert.deepEqual([values(old, 10)[0], values(old, 10)[1]], [1, june]);
  assert.equal(values(old, 11).length, 0);
  assert.deepEqual([values(current, 10)[1], values(current, 11)[1], values(current, 12).length], [walked, second, 0]);
});

test('the CSV has the same columns and rows', async () => {
  const res = await t.app.inject({
    url: `/api/reports/tracking-book.csv?agency=${HA_LONG}&from=2026-03-01&to=2026-03-31`,
    headers: u.reception.headers,
  });
  assert.equal(res.statusCode, 200, res.body);
  const lines = res.body
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[0], BOOK_COLUMNS.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','));
  assert.ok(lines[1].startsWith(`1,${walked},Đăng ký khai sinh,1,${APPLICANT.fullName},`));
  assert.ok(lines[2].startsWith(`2,${second},`));
});

test("another ward's desk gets 403, an anonymous caller 401", async () => {
  const url = `/api/reports/tracking-book.xlsx?agency=${HA_LONG}&from=2026-03-01&to=2026-03-31`;
  const other = await t.app.inject({ url, headers: u['u2002.mc1'].headers });
  assert.equal(other.statusCode, 403, other.body);
  assert.ok(!other.body.includes(APPLICANT.fullName));
  assert.equal((await t.app.inject({ url })).statusCode, 401);
});

test('a bad or too long period is a 400 naming the field', async () => {
  const bad = async (query: string) => {
    const res = await t.app.inject({
      url: `/api/reports/tracking-book.xlsx?agency=${HA_LONG}&${query}`,
      headers: u.reception.headers,
    });
    assert.equal(res.statusCode, 400, res.body);
    return res.json();
  };
  const fields = (body: { error: { field?: string; details?: { field: string }[] } }) =>
    body.error.field ?? body.error.details?.map((d) => d.field).join(',');
  // The schema names the query field ("querystring.from"), the period check the field itself.
  assert.equal(fields(await bad('from=2026-02-30&to=2026-03-31')), 'querystring.from');
  assert.equal(fields(await bad('from=2026-03-31&to=2026-03-01')), 'to');
  assert.equal(fields(await bad('from=2025-01-01&to=2026-01-02')), 'to');
  // 366 days is allowed (a leap year).
  const leap = await t.app.inject({
    url: `/api/reports/tracking-book.xlsx?agency=${HA_LONG}&from=2028-01-01&to=2028-12-31`,
    headers: u.reception.headers,
  });
  assert.equal(leap.statusCode, 200, leap.body);
});

test('a book that fails while it streams is reported, in either format, and the download breaks off', async () => {
  // A database that cannot be reached: the first page of dossiers fails once the stream has started.
  const unreachable = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: 1, max: 1 }) }),
  });
  const book: Book = {
    agency: { id: 1, code: HA_LONG, name: 'UBND phường Hạ Long', path: '/1/' },
    from: '2026-03-01',
    to: '2026-03-31',
    period: { agencyId: 1, start: new Date('2026-03-01T00:00:00+07:00'), end: new Date('2026-04-01T00:00:00+07:00') },
    ruleSets: ['nd118_2025'],
  };
  for (const write of [bookCsv, bookXlsx]) {
    const reported: unknown[] = [];
    const stream = write(unreachable, book, (err) => reported.push(err));
    await assert.rejects(async () => {
      for await (const chunk of stream) void chunk;
    }, write.name);
    assert.equal(reported.length, 1, write.name);
  }
  await unreachable.destroy();
});
