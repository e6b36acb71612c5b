import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, createTestDb, loginAs, testConfig } from '../../test/harness';
import { hashPassword } from '../modules/identity/passwords';
import { DEMO_USERNAMES } from '../modules/agencies/demo-data';
import { addDays } from '../modules/calendar/dates';
import { vietnamDay } from '../modules/dossiers/rules';
import { refuseDemoPasswordsInProduction, seedDemoIfEmpty } from './seed';

test('an empty database gets the demo province once; production never seeds on auto', async () => {
  const h = await createTestDb();
  try {
    assert.equal(await seedDemoIfEmpty(h.db, testConfig({ seedDemo: 'auto', env: 'production' })), false);
    assert.equal(await seedDemoIfEmpty(h.db, testConfig({ seedDemo: 'auto', env: 'development' })), true);
    assert.equal(await seedDemoIfEmpty(h.db, testConfig({ seedDemo: 'auto', env: 'development' })), false);
    const roles = await h.db.selectFrom('user_roles').select('role').distinct().orderBy('role').execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      [
        'agency_admin',
        'agency_leader',
        'citizen',
        'inspector',
        'province_admin',
        'reception',
        'specialist',
        'unit_leader',
      ],
    );
    const wards = await h.db.selectFrom('agencies').select('code').where('level', '=', 'commune').execute();
    assert.ok(wards.length >= 3);
  } finally {
    await h.close();
  }
});

test('production refuses to start while a demo account keeps the demo password', async () => {
  const h = await createTestDb();
  try {
    await seedDemoIfEmpty(h.db, testConfig({ seedDemo: 'always' }));
    await assert.rejects(refuseDemoPasswordsInProduction(h.db), /demo password/);
    const changed = await hashPassword('Khac-mat-khau-2026');
    await h.db.updateTable('users').set({ password_hash: changed }).where('username', 'in', DEMO_USERNAMES).execute();
    await refuseDemoPasswordsInProduction(h.db);
  } finally {
    await h.close();
  }
});

test('the demo opens on a year of dossiers, with overdue work in the inboxes of specialist and leader', async () => {
  const t = await createTestApp({ demo: false });
  try {
    assert.equal(await seedDemoIfEmpty(t.db, testConfig({ seedDemo: 'always', demoDossiers: 1800 })), true);
    const { n } = await t.db
      .selectFrom('dossiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(n), 1800 + 6);
    for (const username of ['specialist', 'leader']) {
      const res = await t.app.inject({ url: '/api/workflow/inbox', headers: await loginAs(t.app, username) });
      const items = res.json().items as { code: string; overdue: boolean }[];
      assert.ok(items.length >= 3, `${username} has ${items.length}`);
      assert.ok(
        items.some((i) => i.overdue),
        username,
      );
      const lookup = await t.app.inject({ url: `/api/public/dossiers/${items[0].code}` });
      assert.equal(lookup.json().status, 'in_progress');
    }
  } finally {
    await t.close();
  }
});

test('the demo opens on ratings of returned dossiers and on complaints in every status at Hạ Long and the center', async () => {
  const t = await createTestApp({ demo: false });
  try {
    const started = Date.now();
    assert.equal(await seedDemoIfEmpty(t.db, testConfig({ seedDemo: 'always', demoDossiers: 1800 })), true);
    console.log(`# demo seed with 1800 dossiers: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const ratings = await t.db
      .selectFrom('ratings as r')
      .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
      .select(['d.status', 'r.level', 'r.channel'])
      .execute();
    assert.ok(ratings.length > 300, `${ratings.length} ratings`);
    assert.ok(ratings.every((r) => r.status === 'returned'));
    assert.ok(ratings.filter((r) => r.level === 'not_satisfied').length < ratings.length * 0.15);
    const summary = await t.app.inject({
      url: '/api/feedback/ratings?from=2000-01-01&to=2100-12-31',
      headers: await loginAs(t.app, 'leader'),
    });
    assert.ok(summary.json().total > 50, summary.body);
    // /evaluation opens on the ratings of the last twelve months: the ward's satisfaction, its units rated.
    const today = vietnamDay(new Date());
    const year = `from=${addDays(today, -364)}&to=${today}`;
    const index = await t.app.inject({
      url: `/api/feedback/quality-index?${year}`,
      headers: await loginAs(t.app, 'leader'),
    });
    const haLong = (
      index.json().items as { agency: { code: string }; components: { satisfaction: number | null } }[]
    ).find((i) => i.agency.code === '000.20.01.H40')!;
    assert.ok(haLong.components.satisfaction! > 0.8, index.body);
    const units = await t.app.inject({
      url: `/api/feedback/evaluation?${year}`,
      headers: await loginAs(t.app, 'leader'),
    });
    const rows = units.json().rows as { satisfaction: { total: number } }[];
    assert.ok(
      rows.some((r) => r.satisfaction.total > 0),
      units.body,
    );
    const complaints = await t.db
      .selectFrom('complaints as c')
      .innerJoin('agencies as a', 'a.id', 'c.agency_id')
      .select(['a.code', 'c.status'])
      .execute();
    for (const code of ['000.20.01.H40', '000.00.01.H40']) {
      const statuses = new Set(complaints.filter((c) => c.code === code).map((c) => c.status));
      assert.deepEqual([...statuses].sort(), ['answered', 'assigned', 'published', 'received'], code);
    }
    const desk = await t.app.inject({ url: '/api/complaints', headers: await loginAs(t.app, 'leader') });
    const items = desk.json().items as { code: string; overdue: boolean }[];
    assert.equal(items.length, 7);
    assert.ok(items.some((i) => i.overdue));
    const detail = await t.app.inject({
      url: `/api/complaints/${items[0].code}`,
      headers: await loginAs(t.app, 'leader'),
    });
    assert.equal(detail.json().history[0].action, 'complaint.receive');
    const published = await t.app.inject({ url: '/api/public/complaints' });
    assert.equal(published.json().total, 4);
    assert.doesNotMatch(published.body, /0900000|example\.com|Nguyễn Thị Hoa/);
  } finally {
    await t.close();
  }
});
