import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createDurableTestDb, loginAs, testConfig, type DurableTestDb } from '../../../test/harness';
import { buildApp } from '../../app';
import type { Db, DbHandle } from '../../db/database';
import { seedDemo } from '../../demo/seed';
import { dispatchOutbox, outboxGateway, smtpMailer } from './dispatcher';
import { runDailyReminders } from './reminders';
import { REMINDER_JOB } from './rules';
import type { MessageSettings } from './settings';
import * as store from './store';
import { insertDossier, setEmail, userId } from './test-fixtures';
import { startSmtpReceiver } from './test-smtp';

const SETTINGS: MessageSettings = {
  publicBaseUrl: 'https://motcua.test',
  applicantPhoneChannels: ['sms'],
  reminderWindowWorkingDays: 1,
};
const at = (s: string) => new Date(s);
const vn = (day: string, time = '07:30') => at(`${day}T${time}:00+07:00`);
const TUESDAY = '2026-03-10';
const HA_LONG = '000.20.01.H40';
const BAI_CHAY = '000.20.02.H40';
const code = (n: number) => `${HA_LONG}-260305-${String(n).padStart(4, '0')}`;

let durable: DurableTestDb;
let handle: DbHandle;
let app: FastifyInstance;
let db: Db;

async function start(): Promise<void> {
  handle = await durable.open();
  db = handle.db;
  app = await buildApp({ config: testConfig(), db });
  await app.ready();
}

async function stop(): Promise<void> {
  await app.close();
  await handle.close();
}

before(async () => {
  durable = await createDurableTestDb();
  await start();
  await seedDemo(db);
  await setEmail(db, 'specialist', 'minh.le@halong.gov.vn');
  const specialist = { holder: 'specialist' };
  await insertDossier(db, { code: code(1), dueAt: vn('2026-03-11', '17:00'), ...specialist }); // due tomorrow
  await insertDossier(db, { code: code(2), dueAt: vn('2026-03-13', '17:00'), ...specialist }); // beyond the window
  await insertDossier(db, { code: code(3), dueAt: vn('2026-03-09', '17:00'), ...specialist }); // overdue
  await insertDossier(db, { code: code(4), dueAt: vn('2026-03-09', '17:00'), status: 'resolved', ...specialist });
  await insertDossier(db, {
    code: code(5),
    dueAt: vn(TUESDAY, '17:00'),
    status: 'supplement_requested',
    ...specialist,
  });
  await insertDossier(db, { code: code(6), dueAt: vn('2026-03-06', '17:00'), holder: 'leader' }); // the leader's own
  await insertDossier(db, { code: code(7), dueAt: vn('2026-03-05', '17:00') }); // held by the unit, no officer
});
after(async () => {
  await stop();
  await durable.drop();
});

/** The dossier codes in each notification `username` received at `now`, by kind. */
async function received(username: string, now: Date): Promise<Record<string, string[]>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['kind', 'dossier_codes'])
    .where('user_id', '=', await userId(db, username))
    .where('created_at', '=', now)
    .orderBy('kind')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.dossier_codes]));
}

test('officers get their dossiers due by tomorrow and overdue; unit leaders their units’ overdue ones', async () => {
  const now = vn(TUESDAY);
  assert.deepEqual(await runDailyReminders(db, now, SETTINGS), { ran: true, officers: 2, leaders: 2, dossiers: 4 });
  assert.deepEqual(await received('specialist', now), { due_soon: [code(3), code(1)] });
  // The leader holds dossier 6: it is in their own list only, not again among the unit's.
  assert.deepEqual(await received('leader', now), { due_soon: [code(6)], overdue: [code(7), code(3)] });
  // The unit's other leader (demo staff) sees every overdue dossier of the unit.
  assert.deepEqual(await received('u2001.vhxhlead', now), { overdue: [code(7), code(6), code(3)] });
  assert.deepEqual(await received('reception', now), {});

  const res = await app.inject({ url: '/api/notifications?unread=1', headers: await loginAs(app, 'specialist') });
  assert.equal(res.json().total, 1);
  assert.equal(res.json().items[0].title, 'Nhắc việc: 2 hồ sơ sắp đến hạn hoặc đã quá hạn');
});

test('the officer’s reminder email goes out over SMTP; officers without an address get none', async () => {
  const emails = await db.selectFrom('outbox_messages').selectAll().where('channel', '=', 'email').execute();
  assert.deepEqual(
    emails.map((e) => e.recipient),
    ['minh.le@halong.gov.vn'],
  );
  const smtp = await startSmtpReceiver();
  const mailer = smtpMailer(smtp.url, 'Một cửa <no-reply@motcua.test>');
  try {
    await dispatchOutbox(db, { mailer, gateway: outboxGateway, maxAttempts: 3 });
    assert.equal(smtp.messages.length, 1);
    const [mail] = smtp.messages;
    assert.deepEqual(mail.to, ['minh.le@halong.gov.vn']);
    assert.equal(mail.subject, '[Một cửa] Nhắc việc: 2 hồ sơ sắp đến hạn hoặc đã quá hạn');
    assert.equal(
      mail.text.split('\n').slice(0, 4).join('\n'),
      [
        'Nhắc việc: 2 hồ sơ sắp đến hạn hoặc đã quá hạn (ngày 10/03/2026)',
        '',
        `- ${code(3)} — Đăng ký khai sinh — hạn 09/03/2026 17:00 (đã quá hạn)`,
        `- ${code(1)} — Đăng ký khai sinh — hạn 11/03/2026 17:00`,
      ].join('\n'),
    );
  } finally {
    mailer.close();
    await smtp.close();
  }
});

test('a second run the same day does nothing', async () => {
  assert.deepEqual(await runDailyReminders(db, vn(TUESDAY, '09:00'), SETTINGS), {
    ran: false,
    officers: 0,
    leaders: 0,
    dossiers: 0,
  });
  const n = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  assert.equal(n?.n, 4);
});

test('after a restart on the same database the day is still done', async () => {
  await stop();
  await start();
  assert.equal((await runDailyReminders(db, vn(TUESDAY, '16:00'), SETTINGS)).ran, false);
  const res = await app.inject({ url: '/api/notifications', headers: await loginAs(app, 'specialist') });
  assert.equal(res.json().total, 1);
  const run = await db.selectFrom('scheduled_runs').selectAll().where('job', '=', REMINDER_JOB).execute();
  assert.deepEqual(
    run.map((r) => [r.day, r.started_at.toISOString(), r.summary]),
    [[TUESDAY, vn(TUESDAY).toISOString(), { officers: 2, leaders: 2, dossiers: 4 }]],
  );
});

test('the next working day reminds again', async () => {
  const now = vn('2026-03-11');
  assert.equal((await runDailyReminders(db, now, SETTINGS)).ran, true);
  assert.deepEqual(await received('specialist', now), { due_soon: [code(3), code(1)] });
});

test('no reminders on a Sunday, a public holiday or a day off set by the administrator', async () => {
  await db
    .insertInto('calendar_days')
    .values({ agency_id: null, date: '2026-03-12', working: false, name: 'Nghỉ đột xuất' })
    .execute();
  for (const day of ['2026-03-15', '2026-04-30', '2026-03-12']) {
    assert.equal((await runDailyReminders(db, vn(day), SETTINGS)).ran, false, day);
  }
  // …but on a make-up working Saturday (10/1/2026, announced in the demo calendar) they run.
  assert.equal((await runDailyReminders(db, vn('2026-01-10'), SETTINGS)).ran, true);
});

test('an agency’s own day off widens its officers’ window, not other agencies’', async () => {
  const halong = await db.selectFrom('agencies').select('id').where('code', '=', HA_LONG).executeTakeFirstOrThrow();
  await db
    .insertInto('calendar_days')
    .values({ agency_id: halong.id, date: '2026-03-17', working: false, name: 'Nghỉ lễ hội địa phương' })
    .execute();
  await insertDossier(db, { code: code(8), dueAt: vn('2026-03-18', '17:00'), holder: 'specialist' });
  await insertDossier(db, {
    code: `${BAI_CHAY}-260305-0001`,
    dueAt: vn('2026-03-18', '17:00'),
    agency: BAI_CHAY,
    holder: 'u2002.vhxh1',
  });
  const now = vn('2026-03-16');
  await runDailyReminders(db, now, SETTINGS);
  // Dossier 2, due on Friday 13/3, is overdue by now.
  assert.deepEqual(await received('specialist', now), { due_soon: [code(3), code(1), code(2), code(8)] });
  assert.deepEqual(await received('u2002.vhxh1', now), {});
});

test('of two runs claiming the same day at once, exactly one runs', async () => {
  const now = vn('2026-03-19');
  const results = await Promise.all([runDailyReminders(db, now, SETTINGS), runDailyReminders(db, now, SETTINGS)]);
  assert.deepEqual(results.map((r) => r.ran).sort(), [false, true]);
  assert.deepEqual(await received('specialist', now), { due_soon: [code(3), code(1), code(2), code(8)] });
});

test('a run that fails before its commit leaves the day to the next attempt', async () => {
  const now = vn('2026-03-20');
  await assert.rejects(
    db.transaction().execute(async (tx) => {
      assert.equal(await store.claimRun(tx, REMINDER_JOB, '2026-03-20', now), true);
      throw new Error('crash before commit');
    }),
    /crash before commit/,
  );
  assert.equal((await runDailyReminders(db, now, SETTINGS)).ran, true);
  assert.equal((await received('specialist', now)).due_soon.length, 4);
});

test('every dossier appears once per recipient per day', async () => {
  const rows = await db.selectFrom('notifications').select(['user_id', 'created_at', 'dossier_codes']).execute();
  const seen = new Set<string>();
  for (const r of rows) {
    for (const c of r.dossier_codes) {
      const key = `${r.user_id}/${r.created_at.toISOString()}/${c}`;
      assert.ok(!seen.has(key), key);
      seen.add(key);
    }
  }
  assert.ok(seen.size > 20);
});
