import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestApp, testConfig, type TestApp } from '../../../test/harness';
import type { Config } from '../../config';
import { createNotificationJobs } from './scheduler';
import * as store from './store';
import { insertDossier } from './test-fixtures';
import { startSmtpReceiver } from './test-smtp';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await insertDossier(t.db, {
    code: '000.20.01.H40-260305-0001',
    dueAt: new Date('2026-03-11T17:00:00+07:00'),
    holder: 'specialist',
  });
});
after(() => t.close());

const config = (overrides: Partial<Config> = {}) => testConfig({ reminderTime: '07:30', ...overrides });
const runs = async () =>
  (await t.db.selectFrom('scheduled_runs').select('day').orderBy('day').execute()).map((r) => r.day);

/** A clock the test sets. */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (s: string) => (now = new Date(s)) };
}

test('the scheduler runs the reminders once a working day, at or after the configured time', async () => {
  const c = clock('2026-03-10T07:29:00+07:00');
  const jobs = createNotificationJobs({ db: t.db, config: config(), clock: c.now, mailer: null });
  assert.equal(await jobs.remindersTick(), null);
  assert.deepEqual(await runs(), []);
  c.set('2026-03-10T07:31:00+07:00');
  assert.deepEqual(await jobs.remindersTick(), { ran: true, officers: 1, leaders: 0, dossiers: 1 });
  c.set('2026-03-10T07:32:00+07:00');
  assert.equal(await jobs.remindersTick(), null);
  c.set('2026-03-15T08:00:00+07:00'); // Sunday
  assert.equal(await jobs.remindersTick(), null);
  assert.deepEqual(await runs(), ['2026-03-10']);
  await jobs.stop();
});

test('a restarted scheduler finds the day done and catches up a missed one on start', async () => {
  const restarted = createNotificationJobs({
    db: t.db,
    config: config(),
    clock: () => new Date('2026-03-10T15:00:00+07:00'),
    mailer: null,
  });
  assert.deepEqual(await restarted.remindersTick(), { ran: false, officers: 0, leaders: 0, dossiers: 0 });
  await restarted.stop();

  // Started at 10:00 on Wednesday, the morning's run having been missed: it runs at once.
  const late = createNotificationJobs({
    db: t.db,
    config: config(),
    clock: () => new Date('2026-03-11T10:00:00+07:00'),
    mailer: null,
  });
  late.start();
  await late.stop();
  assert.deepEqual(await runs(), ['2026-03-10', '2026-03-11']);
  const notes = await t.db.selectFrom('notifications').select('created_at').orderBy('id').execute();
  assert.deepEqual(
    notes.map((n) => n.created_at.toISOString()),
    ['2026-03-10T00:31:00.000Z', '2026-03-11T03:00:00.000Z'],
  );
});

test('the app runs the dispatcher while it is up when the scheduler is enabled', async () => {
  const smtp = await startSmtpReceiver();
  const app = await createTestApp({
    demo: false,
    config: { schedulerEnabled: true, smtpUrl: smtp.url, outboxIntervalSeconds: 0.05 },
  });
  try {
    await store.enqueueMessages(app.db, [
      {
        channel: 'email',
        recipient: 'thu.ha@example.vn',
        subject: 'Kiểm tra gửi thư',
        body: 'Nội dung có dấu: Đăng ký khai sinh',
        dossier_id: null,
        next_attempt_at: new Date(),
      },
    ]);
    for (let i = 0; i < 200 && smtp.messages.length === 0; i++) await sleep(50);
    assert.deepEqual(
      smtp.messages.map((m) => [m.to, m.subject, m.text]),
      [[['thu.ha@example.vn'], 'Kiểm tra gửi thư', 'Nội dung có dấu: Đăng ký khai sinh']],
    );
  } finally {
    await app.close();
    await smtp.close();
  }
});
