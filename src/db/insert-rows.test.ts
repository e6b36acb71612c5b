import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDb } from '../../test/harness';
import type { DbHandle } from './database';
import { insertRows } from './insert-rows';

let h: DbHandle;
before(async () => {
  h = await createTestDb();
});
after(() => h.close());

test('rows go in as one JSON parameter with the table’s own types; absent columns take their defaults', async () => {
  const before = new Date();
  const stored = await insertRows(
    h.db,
    'audit_log',
    [
      { actor_user_id: null, action: 'a.one', entity_type: 't', entity_id: '“1”', agency_id: null, data: '{"n":1}' },
      { actor_user_id: null, action: 'a.two', entity_type: 't', entity_id: null, agency_id: null, data: '[1,"hai"]' },
    ],
    ['data'],
  );
  assert.deepEqual(
    stored.map((r) => [r.action, r.entity_id, r.data]),
    [
      ['a.one', '“1”', { n: 1 }],
      ['a.two', null, [1, 'hai']],
    ],
  );
  for (const r of stored) {
    assert.ok(r.at instanceof Date && r.at.getTime() >= before.getTime() - 1000, 'the default `at` is now');
    assert.ok(r.id, 'the id is generated');
  }
  const read = await h.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 't').orderBy('id').execute();
  assert.deepEqual(read, stored);
});

test('dates go as instants and arrays as arrays; no rows send no statement', async () => {
  const at = new Date('2026-02-16T01:02:03.456Z');
  const [message] = await insertRows(h.db, 'outbox_messages', [
    { channel: 'email', recipient: 'a@b.vn', subject: 'S', body: 'B', dossier_id: null, next_attempt_at: at },
  ]);
  assert.equal(message.next_attempt_at.toISOString(), at.toISOString());
  const [user] = await insertRows(h.db, 'users', [
    { username: 'u', full_name: 'Người dùng', password_hash: 'x', email: null, phone: null, locked_until: null },
  ]);
  assert.equal(user.active, true, 'a default');
  const [n] = await insertRows(h.db, 'notifications', [
    {
      user_id: user.id,
      kind: 'received',
      title: 't',
      title_en: 't',
      body: 'b',
      body_en: 'b',
      dossier_codes: ['X-1', 'X-2'],
    },
  ]);
  assert.deepEqual(n.dossier_codes, ['X-1', 'X-2']);
  assert.deepEqual(await insertRows(h.db, 'outbox_messages', []), []);
});

test('rows naming different columns are refused before anything is sent', async () => {
  await assert.rejects(
    insertRows(h.db, 'outbox_messages', [
      { channel: 'email', recipient: 'a', body: 'b', next_attempt_at: new Date() },
      { channel: 'email', recipient: 'a', body: 'b', subject: 's', next_attempt_at: new Date() },
    ]),
    /every row must name the columns/,
  );
});
