import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb, testConfig } from '../../test/harness';
import { hashPassword } from '../modules/identity/passwords';
import { DEMO_USERNAMES } from '../modules/agencies/demo-data';
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
